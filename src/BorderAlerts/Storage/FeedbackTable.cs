using System.Data.Common;
using BorderAlerts.Core.Feedback;

namespace BorderAlerts.Storage;

/// <summary>
/// Votes from card buttons in feedback_votes, the same statements on both stores: the primary key (alert_id, platform,
/// user_id) keeps one vote per person and alert, a later one replacing it. Part of an export.
/// </summary>
/// <param name="writeLock">SQLite's one writer's turn; PostgreSQL needs none.</param>
public sealed class FeedbackTable(Func<CancellationToken, Task<DbConnection>> open, SemaphoreSlim? writeLock = null) : IFeedbackStore
{
    const string Upsert = """
        INSERT INTO feedback_votes (alert_id, platform, user_id, verdict, voted_at) VALUES (@alert, @platform, @user, @verdict, @at)
        ON CONFLICT (alert_id, platform, user_id) DO UPDATE SET verdict = excluded.verdict, voted_at = excluded.voted_at
        """;

    /// <summary>Sent alerts of the window with their votes; deliveries_alert makes the EXISTS a lookup.</summary>
    const string Sent = """
        SELECT a.id, a.rule_id, a.created_at,
               (SELECT COUNT(*) FROM feedback_votes v WHERE v.alert_id = a.id AND v.verdict = 'not_relevant'),
               (SELECT COUNT(*) FROM feedback_votes v WHERE v.alert_id = a.id AND v.verdict = 'relevant')
        FROM alerts a
        WHERE a.created_at >= @since AND EXISTS (SELECT 1 FROM deliveries d WHERE d.alert_id = a.id AND d.status = 'sent')
        """;

    public async Task<VotedAlert?> AlertAsync(long alertId, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection,
            "SELECT a.rule_id, i.title FROM alerts a JOIN items i ON i.id = a.item_id WHERE a.id = @id", ("id", alertId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new VotedAlert(alertId, reader.GetString(0), reader.GetString(1)) : null;
    }

    public async Task RecordAsync(FeedbackVote vote, CancellationToken cancellationToken)
    {
        if (writeLock is not null) await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await open(cancellationToken);
            await Db.Run(connection, Upsert, cancellationToken, ("alert", vote.AlertId), ("platform", vote.Platform), ("user", vote.UserId),
                ("verdict", Name(vote.Verdict)), ("at", Db.Ms(vote.At)));
        }
        finally { writeLock?.Release(); }
    }

    public async Task<IReadOnlyList<AlertVotes>> SentSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection, Sent, ("since", Db.Ms(since)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<AlertVotes>();
        while (await reader.ReadAsync(cancellationToken))
            found.Add(new AlertVotes(reader.GetInt64(0), reader.GetString(1), Db.Time(reader, 2)!.Value,
                Convert.ToInt32(reader.GetValue(3)), Convert.ToInt32(reader.GetValue(4))));
        return found;
    }

    static string Name(Verdict verdict) => verdict == Verdict.NotRelevant ? "not_relevant" : "relevant";
}
