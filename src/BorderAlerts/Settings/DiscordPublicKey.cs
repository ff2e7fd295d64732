using System.Runtime.InteropServices;

namespace BorderAlerts.Settings;

/// <summary>
/// Discord's application public key: 64 hexadecimal characters encoding an Ed25519 point. NSec imports any 32 bytes, so
/// the point itself is checked with libsodium (which NSec ships), or a mistyped key would only show as every
/// interaction failing its signature check.
/// </summary>
public static class DiscordPublicKey
{
    public static bool IsValid(string hex)
    {
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit)) return false;
        _ = NSec.Cryptography.SignatureAlgorithm.Ed25519; // NSec loads and initialises libsodium
        return crypto_core_ed25519_is_valid_point(Convert.FromHexString(hex)) == 1;
    }

    [DllImport("libsodium")]
    static extern int crypto_core_ed25519_is_valid_point(byte[] point);
}
