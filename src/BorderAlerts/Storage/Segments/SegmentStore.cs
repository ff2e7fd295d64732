using System.Data.Common;

namespace BorderAlerts.Storage.Segments;

/// <summary>
/// What the archive index's shared parts (<see cref="SegmentMerger"/>, <see cref="SearchWords"/>) need of a database:
/// connections, a consistent view for reading a merge's sources, and how writers keep out of each other's way.
/// </summary>
public abstract class SegmentStore
{
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>The size blocks are packed to (<see cref="Core.Search.Postings.PostingBlockWriter"/>).</summary>
    public abstract int BlockBytes { get; }

    /// <summary>A read transaction in which the segments listed stay readable while merges commit.</summary>
    public abstract DbTransaction Snapshot(DbConnection connection);

    /// <summary>Held around each write the merger makes (SQLite: its one writer). Nothing by default.</summary>
    public virtual IDisposable Writing() => Held.Nothing;

    /// <summary>
    /// Held for a whole merge when this process may merge now; null when another process is merging (PostgreSQL: one
    /// instance at a time). Everything by default: SQLite's swap refuses a merge another process got to first.
    /// </summary>
    public virtual IDisposable? MergeAlone(DbConnection connection) => Held.Nothing;

    protected sealed class Held(Action release) : IDisposable
    {
        public static readonly Held Nothing = new(() => { });
        public void Dispose() => release();
    }
}
