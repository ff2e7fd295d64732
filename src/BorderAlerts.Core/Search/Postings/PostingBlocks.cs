namespace BorderAlerts.Core.Search.Postings;

/// <summary>One block of a segment: its first key (what a lookup seeks on) and its encoded entries.</summary>
public readonly record struct PostingBlock(long FirstKey, byte[] Data);

/// <summary>
/// The on-disk form of a segment: entries sorted by key, packed into blocks of about a target size. An entry
/// is the gap from the previous key (from the block's first key for the first entry), the number of ids, then — for one
/// id — the id, or — for more — the byte length of the ids and the ids ascending (the first as is, the rest as gaps).
/// All numbers are varints (<see cref="Varint"/>): a poll's typical entry takes eight bytes. A lookup skips entries
/// without decoding their ids, and a merge copies an entry only one source holds as it is. An entry never spans two
/// blocks: a long list makes one large block.
/// </summary>
public sealed class PostingBlockWriter(Action<PostingBlock> emit, int targetBytes = PostingBlockWriter.TargetBytes)
{
    /// <summary>Under SQLite's 4 KB page less its cell overhead, so a block row never spills into an overflow page.</summary>
    public const int TargetBytes = 3_800;

    /// <summary>
    /// Under PostgreSQL's TOAST threshold (a row of about 2 KB), so a block stays in its row: a lookup then reads one
    /// heap tuple instead of a TOAST index and two chunks, and half the bytes cross the socket.
    /// </summary>
    public const int RowBytes = 1_900;
    const int HeaderBytes = 3 * Varint.MaxBytes;

    byte[] block = new byte[2 * targetBytes], ids = new byte[1024];
    int length;
    long firstKey, lastKey;
    bool any;

    /// <summary>Adds an entry; keys must come in ascending order, ids ascending within the entry.</summary>
    public void Add(long key, ReadOnlySpan<long> itemIds)
    {
        if (itemIds.IsEmpty) return;
        if (ids.Length < itemIds.Length * Varint.MaxBytes) ids = new byte[itemIds.Length * Varint.MaxBytes * 2];
        int idsLength = 0;
        long previous = 0;
        foreach (var id in itemIds)
        {
            idsLength += Varint.Write(ids.AsSpan(idsLength), (ulong)(id - previous));
            previous = id;
        }
        AddEncoded(key, itemIds.Length, ids.AsSpan(0, idsLength));
    }

    /// <summary>Adds an entry whose ids are already encoded as this format encodes them.</summary>
    public void AddEncoded(long key, int count, ReadOnlySpan<byte> encodedIds)
    {
        if (any && key <= lastKey) throw new InvalidOperationException($"archive index: key {key} after {lastKey}");
        if (length > 0 && length + HeaderBytes + encodedIds.Length > targetBytes) Flush();
        if (block.Length < length + HeaderBytes + encodedIds.Length) Array.Resize(ref block, length + HeaderBytes + encodedIds.Length);
        if (length == 0) (firstKey, lastKey) = (key, key);
        length += Varint.Write(block.AsSpan(length), (ulong)(key - lastKey));
        length += Varint.Write(block.AsSpan(length), (ulong)count);
        if (count > 1) length += Varint.Write(block.AsSpan(length), (ulong)encodedIds.Length);
        encodedIds.CopyTo(block.AsSpan(length));
        length += encodedIds.Length;
        (lastKey, any) = (key, true);
    }

    /// <summary>Emits the last, partly filled block.</summary>
    public void Flush()
    {
        if (length == 0) return;
        emit(new PostingBlock(firstKey, block.AsSpan(0, length).ToArray()));
        length = 0;
    }
}

/// <summary>Reads entries of a block in order; <see cref="Find"/> skips to one key.</summary>
public ref struct PostingBlockReader(ReadOnlySpan<byte> data, long firstKey)
{
    readonly ReadOnlySpan<byte> data = data;
    int offset, idsStart, idsLength;

    public long Key { get; private set; } = firstKey;
    public int Count { get; private set; }

    /// <summary>Bytes read so far: the end of the current entry.</summary>
    public readonly int Consumed => offset;

    /// <summary>The current entry's ids as encoded (for <see cref="PostingBlockWriter.AddEncoded"/>).</summary>
    public readonly ReadOnlySpan<byte> EncodedIds => data.Slice(idsStart, idsLength);

    public bool MoveNext()
    {
        if (offset >= data.Length) return false;
        Key += (long)Varint.Read(data, ref offset);
        Count = checked((int)Varint.Read(data, ref offset));
        if (Count == 1)
        {
            idsStart = offset;
            Varint.Read(data, ref offset);
            idsLength = offset - idsStart;
            return true;
        }
        idsLength = checked((int)Varint.Read(data, ref offset));
        idsStart = offset;
        offset += idsLength;
        if (offset > data.Length || Count < 1) throw new InvalidDataException("archive index block: malformed entry");
        return true;
    }

    /// <summary>Appends the current entry's ids (ascending) to <paramref name="into"/>.</summary>
    public readonly void ReadIds(List<long> into) => DecodeIds(EncodedIds, Count, into);

    /// <summary>Decodes <paramref name="count"/> ids encoded as an entry holds them, appending them to <paramref name="into"/>.</summary>
    public static void DecodeIds(ReadOnlySpan<byte> encoded, int count, List<long> into)
    {
        int at = 0;
        long id = 0;
        for (int n = 0; n < count; n++)
        {
            id += (long)Varint.Read(encoded, ref at);
            into.Add(id);
        }
    }

    /// <summary>The ids of <paramref name="key"/> in a block, appended to <paramref name="into"/>; false when absent.</summary>
    public static bool Find(PostingBlock block, long key, List<long> into)
    {
        var reader = new PostingBlockReader(block.Data, block.FirstKey);
        while (reader.MoveNext())
        {
            if (reader.Key == key)
            {
                reader.ReadIds(into);
                return true;
            }
            if (reader.Key > key) return false;
        }
        return false;
    }
}
