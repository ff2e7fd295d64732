using System.Runtime.InteropServices;

namespace BorderAlerts.Core.Search.Postings;

/// <summary>
/// Merges segments into one, streaming: each source is a segment's blocks in key order, and the sources come oldest
/// first, so a key's ids from each source follow each other in ascending order (segments hold disjoint, ordered id
/// ranges). A key only one source holds — most keys — is copied without decoding. Memory: one block per source.
/// </summary>
public static class PostingsMerge
{
    public static void Merge(IReadOnlyList<IEnumerator<PostingBlock>> sources, PostingBlockWriter writer)
    {
        var cursors = sources.Select(s => new Cursor(s)).Where(c => c.MoveNext()).ToList();
        var ids = new List<long>();
        while (cursors.Count > 0)
        {
            long key = long.MaxValue;
            int holders = 0;
            Cursor? only = null;
            foreach (var cursor in cursors)
            {
                if (cursor.Key < key) (key, holders, only) = (cursor.Key, 1, cursor);
                else if (cursor.Key == key) holders++;
            }
            bool finished = false;
            if (holders == 1)
            {
                writer.AddEncoded(key, only!.Count, only.EncodedIds);
                finished = !only.MoveNext();
            }
            else
            {
                ids.Clear();
                foreach (var cursor in cursors)
                    if (cursor.Key == key)
                    {
                        cursor.ReadIds(ids);
                        finished |= !cursor.MoveNext();
                    }
                writer.Add(key, CollectionsMarshal.AsSpan(ids));
            }
            if (finished) cursors.RemoveAll(c => c.Done);
        }
        writer.Flush();
    }

    /// <summary>One source's current entry: its block, and where the entry's parts lie in it.</summary>
    sealed class Cursor(IEnumerator<PostingBlock> blocks)
    {
        byte[] data = [];
        int next, idsStart, idsLength;
        public long Key { get; private set; }
        public int Count { get; private set; }
        public bool Done { get; private set; }
        public ReadOnlySpan<byte> EncodedIds => data.AsSpan(idsStart, idsLength);

        public bool MoveNext()
        {
            if (next >= data.Length)
            {
                do
                {
                    if (!blocks.MoveNext())
                    {
                        Done = true;
                        return false;
                    }
                } while (blocks.Current.Data.Length == 0);
                (data, next, Key) = (blocks.Current.Data, 0, blocks.Current.FirstKey);
            }
            var reader = new PostingBlockReader(data.AsSpan(next), Key);
            reader.MoveNext();
            (Key, Count) = (reader.Key, reader.Count);
            idsLength = reader.EncodedIds.Length;
            idsStart = next + reader.Consumed - idsLength;
            next += reader.Consumed;
            return true;
        }

        public void ReadIds(List<long> into) => PostingBlockReader.DecodeIds(EncodedIds, Count, into);
    }
}
