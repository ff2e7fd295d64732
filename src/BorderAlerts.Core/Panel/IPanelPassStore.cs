namespace BorderAlerts.Core.Panel;

/// <summary>What a pass opens: a one-time sign-in link, or the session it started.</summary>
public enum PanelPassKind { Link, Session }

/// <summary>A stored pass: its user and when it stops working.</summary>
public sealed record PanelPass(PanelUser User, DateTimeOffset Expires);

/// <summary>
/// The panel's passes by key (a SHA-256 of the secret, never the secret), shared by every instance. It stores and
/// returns rows; whether a pass still works is <see cref="PanelSignIn"/>'s decision.
/// </summary>
public interface IPanelPassStore
{
    Task AddAsync(PanelPassKind kind, byte[] key, PanelPass pass, CancellationToken cancellationToken);

    /// <summary>Deletes the pass and returns it: of two instances taking one key at once, only one gets it.</summary>
    Task<PanelPass?> TakeAsync(PanelPassKind kind, byte[] key, CancellationToken cancellationToken);

    Task<PanelPass?> FindAsync(PanelPassKind kind, byte[] key, CancellationToken cancellationToken);

    Task RemoveAsync(PanelPassKind kind, byte[] key, CancellationToken cancellationToken);

    /// <summary>Deletes every pass that expired at or before <paramref name="now"/>.</summary>
    Task RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
