namespace BorderAlerts.Core.Storage;

/// <summary>
/// Which service instances are running, from a row each keeps fresh: the poll store divides what is due by the live
/// ones, and `jobs list` shows them. An instance that stops leaves; one that dies is no longer live after
/// <see cref="LiveWithin"/>.
/// </summary>
public interface IInstanceHeartbeats
{
    /// <summary>How often a running instance beats.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    /// <summary>A beat older than this is a dead instance's (three missed beats).</summary>
    public static readonly TimeSpan LiveWithin = 3 * Every;

    Task BeatAsync(string instance, DateTimeOffset startedAt, DateTimeOffset now, CancellationToken cancellationToken);

    Task LeaveAsync(string instance, CancellationToken cancellationToken);

    /// <summary>The instances that beat within <see cref="LiveWithin"/>, oldest first.</summary>
    Task<IReadOnlyList<LiveInstance>> LiveAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

public sealed record LiveInstance(string Id, DateTimeOffset StartedAt, DateTimeOffset LastBeat);
