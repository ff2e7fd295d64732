namespace BorderAlerts.Core.Search.Postings;

/// <summary>Unsigned LEB128: 7 bits a byte, low first. Item-id gaps are small, so most take one or two bytes.</summary>
internal static class Varint
{
    public const int MaxBytes = 10;

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="output"/>; returns the bytes written.</summary>
    public static int Write(Span<byte> output, ulong value)
    {
        int n = 0;
        while (value >= 0x80)
        {
            output[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        output[n++] = (byte)value;
        return n;
    }

    public static ulong Read(ReadOnlySpan<byte> input, ref int offset)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (offset >= input.Length || shift > 63) throw new InvalidDataException("archive index block: truncated or overlong number");
            byte b = input[offset++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
    }
}
