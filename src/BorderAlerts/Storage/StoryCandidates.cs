using System.Data.Common;

namespace BorderAlerts.Storage;

/// <summary>Reads candidate story rows (id, stored fingerprint) for the core's judge; both stores share it.</summary>
internal static class StoryCandidates
{
    public static async Task<List<(long Id, byte[] Stored)>> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<(long, byte[])>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetInt64(0), (byte[])reader[1]));
        return rows;
    }
}
