using System.Data.Common;
using BorderAlerts.Core.Search.Postings;

namespace BorderAlerts.Storage.Segments;

/// <summary>
/// What the archive index's shared parts (<see cref="SegmentMerger"/>, <see cref="SearchWords"/>) need of a database:
/// connections, a consistent view for reading a merge's sources, and how writers keep out of each other's way.
/// </summary>
public abstract class SegmentStore
{
    protected SegmentStore() => (Words, Merger) = (new SearchWords(this), new SegmentMerger(this));

    /// <summary>The vocabulary cache: one per database, shared by every writer of this process.</summary>
    public SearchWords Words { get; }

    /// <summary>This process's background merging.</summary>
    public SegmentMerger Merger { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes a new segment's blocks in the caller's transaction.</summary>
    protected abstract Task InsertBlocksAsync(DbConnection connection, long segment, IReadOnlyList<PostingBlock> blocks, CancellationToken cancellationToken);

    /// <summary>
    /// Indexes items (any order) in the caller's transaction as one new level-0 segment (more past
    /// <see cref="PostingsBuilder.MaxItems"/> items); <paramref name="lastSeen"/> is at least every item's first-seen time.
    /// Merging is left to <see cref="Merger"/>.
    /// </summary>
    public async Task AddAsync(DbConnection connection, IReadOnlyList<(long Id, ItemTokens Tokens)> items, long lastSeen, CancellationToken cancellationToken)
    {
        if (items.Count == 0) return;
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var chunk in items.OrderBy(i => i.Id).Chunk(PostingsBuilder.MaxItems))
        {
            var postings = new PostingsBuilder();
            foreach (var (id, tokens) in chunk) postings.Add(id, tokens);
            var segment = SegmentTables.Create(connection, 0, postings.FirstId, postings.LastId, postings.Items, lastSeen, ready: true);
            var blocks = new List<PostingBlock>();
            postings.WriteTo(new PostingBlockWriter(blocks.Add, BlockBytes));
            await InsertBlocksAsync(connection, segment, blocks, cancellationToken);
            await Words.AddAsync(connection, postings.LatinWords, cancellationToken);
        }
        Merger.Nudge();
    }

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
