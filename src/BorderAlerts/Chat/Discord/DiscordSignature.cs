using NSec.Cryptography;

namespace BorderAlerts.Chat.Discord;

/// <summary>
/// Discord signs every interaction: Ed25519 over the X-Signature-Timestamp header followed by the raw body, checked with
/// the application's public key. https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
/// </summary>
public sealed class DiscordSignature
{
    readonly PublicKey? _key;

    public DiscordSignature(string? publicKeyHex)
    {
        if (TryHex(publicKeyHex, 32, out var raw) && PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key))
            _key = key;
    }

    public bool Configured => _key is not null;

    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (_key is null || timestamp is null || !TryHex(signatureHex, 64, out var signature)) return false;
        var stamp = System.Text.Encoding.UTF8.GetBytes(timestamp);
        var message = new byte[stamp.Length + body.Length];
        stamp.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(stamp.Length));
        return SignatureAlgorithm.Ed25519.Verify(_key, message, signature);
    }

    static bool TryHex(string? hex, int bytes, out byte[] value)
    {
        value = [];
        if (hex is null || hex.Length != bytes * 2) return false;
        try { value = Convert.FromHexString(hex); return true; }
        catch (FormatException) { return false; }
    }
}
