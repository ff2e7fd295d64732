using BorderAlerts.Core.Delivery;

namespace BorderAlerts.Core.Admin;

/// <summary>
/// The chat-made state this process works with, swapped whole when it changes. The rule source and feed catalog lay
/// it over the files; delivery asks it about mutes.
/// </summary>
public sealed class AdminOverlay : IMutes
{
    AdminState _state = AdminState.Empty;

    public AdminState Current => Volatile.Read(ref _state);

    /// <summary>Takes a newer state; an older one (a slow reader racing a write) is ignored.</summary>
    public void Replace(AdminState state)
    {
        while (true)
        {
            var current = Current;
            if (state.Version < current.Version) return;
            if (Interlocked.CompareExchange(ref _state, state, current) == current) return;
        }
    }

    public DateTimeOffset? MutedUntil(string target, DateTimeOffset now) =>
        Current.Get(AdminKinds.Mute, target) is { } value && AdminJson.MuteUntil(value) is { } until && until > now ? until : null;
}
