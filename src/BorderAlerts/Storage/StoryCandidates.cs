using System.Data.Common;
using BorderAlerts.Core.Stories;

namespace BorderAlerts.Storage;

/// <summary>The story choice both stores share: among recent stories sharing a band, the most similar one above the bar.</summary>
internal static class StoryCandidates
{
    /// <summary>How far back a near-duplicate may join a story instead of starting one.</summary>
    public static readonly TimeSpan Recent = TimeSpan.FromDays(3);

    /// <summary>Reads rows of (story id, signature bytes) and returns the best story, or null if none is similar enough.</summary>
    public static async Task<long?> BestAsync(DbDataReader reader, ulong[] signature, CancellationToken cancellationToken)
    {
        (long Id, double Score)? best = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var score = StorySignature.Similarity(signature, StorySignature.FromBytes((byte[])reader[1]));
            if (score >= StorySignature.SameStory && (best is null || score > best.Value.Score)) best = (reader.GetInt64(0), score);
        }
        return best?.Id;
    }
}
