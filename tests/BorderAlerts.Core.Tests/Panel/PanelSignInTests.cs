using System.Security.Cryptography;
using BorderAlerts.Core.Panel;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlerts.Core.Tests.Panel;

/// <summary>The panel's sign-in rules on a store that keeps what it is given: lifetimes, one use, malformed secrets.</summary>
public class PanelSignInTests
{
    static readonly PanelUser Admin = new("discord", "u1", "ana", true);
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
    readonly MemoryPasses _store = new();
    PanelSignIn SignIn => new(_store, _clock);

    [Fact]
    public async Task A_link_starts_one_session_with_its_users_role_and_then_is_gone()
    {
        var link = await SignIn.NewLinkAsync(Admin, default);

        var session = await SignIn.StartSessionAsync(link, default);

        Assert.NotNull(session);
        Assert.Equal(_clock.GetUtcNow() + PanelSignIn.SessionLife, session.Value.Expires);
        Assert.Equal(Admin, await SignIn.SessionAsync(session.Value.Secret, default));
        Assert.Null(await SignIn.StartSessionAsync(link, default));
    }

    [Fact]
    public async Task A_link_works_for_ten_minutes_and_not_a_moment_after()
    {
        var early = await SignIn.NewLinkAsync(Admin, default);
        var late = await SignIn.NewLinkAsync(Admin, default);

        _clock.Advance(PanelSignIn.LinkLife - TimeSpan.FromSeconds(1));
        Assert.NotNull(await SignIn.StartSessionAsync(early, default));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await SignIn.StartSessionAsync(late, default));
    }

    [Fact]
    public async Task A_session_lasts_eight_hours_and_ends_when_signed_out()
    {
        var first = (await SignIn.StartSessionAsync(await SignIn.NewLinkAsync(Admin, default), default))!.Value.Secret;
        var second = (await SignIn.StartSessionAsync(await SignIn.NewLinkAsync(Admin, default), default))!.Value.Secret;

        await SignIn.EndSessionAsync(second, default);
        Assert.Null(await SignIn.SessionAsync(second, default));
        _clock.Advance(PanelSignIn.SessionLife - TimeSpan.FromSeconds(1));
        Assert.Equal(Admin, await SignIn.SessionAsync(first, default));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await SignIn.SessionAsync(first, default));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")] // upper case: never one we gave
    public async Task A_malformed_secret_is_refused_without_asking_the_store(string? secret)
    {
        Assert.Null(await SignIn.StartSessionAsync(secret, default));
        Assert.Null(await SignIn.SessionAsync(secret, default));
        Assert.Equal(0, _store.Lookups);
    }

    [Fact]
    public async Task The_store_sees_only_hashes_of_the_secrets()
    {
        var link = await SignIn.NewLinkAsync(Admin, default);
        var session = (await SignIn.StartSessionAsync(link, default))!.Value.Secret;

        Assert.All(_store.Keys, key => Assert.Equal(32, key.Length));
        Assert.DoesNotContain(_store.Keys, key => Convert.ToHexStringLower(key) == link || Convert.ToHexStringLower(key) == session);
        Assert.Null(await SignIn.SessionAsync(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), default));
    }

    /// <summary>Keeps passes as given; counts lookups.</summary>
    sealed class MemoryPasses : IPanelPassStore
    {
        readonly Dictionary<(PanelPassKind, string), PanelPass> _passes = [];
        public int Lookups { get; private set; }
        public IEnumerable<byte[]> Keys => _passes.Keys.Select(k => Convert.FromHexString(k.Item2));

        public Task AddAsync(PanelPassKind kind, byte[] key, PanelPass pass, CancellationToken cancellationToken)
        {
            _passes[(kind, Convert.ToHexString(key))] = pass;
            return Task.CompletedTask;
        }

        public Task<PanelPass?> TakeAsync(PanelPassKind kind, byte[] key, CancellationToken cancellationToken)
        {
            Lookups++;
            return Task.FromResult(_passes.Remove((kind, Convert.ToHexString(key)), out var pass) ? pass : null);
        }

        public Task<PanelPass?> FindAsync(PanelPassKind kind, byte[] key, CancellationToken cancellationToken)
        {
            Lookups++;
            return Task.FromResult(_passes.GetValueOrDefault((kind, Convert.ToHexString(key))));
        }

        public Task RemoveAsync(PanelPassKind kind, byte[] key, CancellationToken cancellationToken)
        {
            _passes.Remove((kind, Convert.ToHexString(key)));
            return Task.CompletedTask;
        }

        public Task RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            foreach (var key in _passes.Where(p => p.Value.Expires <= now).Select(p => p.Key).ToList()) _passes.Remove(key);
            return Task.CompletedTask;
        }
    }
}
