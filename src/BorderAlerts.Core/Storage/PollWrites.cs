using BorderAlerts.Core.Items;

namespace BorderAlerts.Core.Storage;

/// <summary>
/// What a poll's triage has the store write, as rows of ids, and the commit it reports. The store gives each new item
/// its id (<see cref="Assign"/>: SQLite as it inserts the row, PostgreSQL from the sequence up front), then writes the
/// keys, sightings and promotions listed here, and the alerts of <see cref="Alerting"/>.
/// </summary>
public sealed class PollWrites(PollCompletion completion, PollTriage triage)
{
    readonly long[] _newIds = new long[triage.NewItems];

    /// <summary>The new items to insert: a new item's first candidate in this poll.</summary>
    public IReadOnlyList<TriagedItem> Fresh { get; } = [.. triage.Items.Where(t => t.Item.IsNew && t.FirstSighting)];

    public int NewItems => triage.NewItems;

    public void Assign(ItemRef item, long id) => _newIds[item.NewSlot] = id;

    public long Id(ItemRef item) => item.KnownId ?? _newIds[item.NewSlot];

    /// <summary>Keys new to the store and the item each names; a key another item already holds keeps its owner.</summary>
    public IEnumerable<(string Key, long ItemId)> Keys => triage.NewKeys.Select(k => (k.Key, Id(k.Item)));

    /// <summary>Items this feed sees for the first time.</summary>
    public IEnumerable<long> Sightings => triage.Items.Where(t => t.FirstSighting).Select(t => Id(t.Item));

    /// <summary>Known items made alertable (see <see cref="PollTriage"/>).</summary>
    public IEnumerable<long> Promotions => triage.Items.Where(t => t.Promote).Select(t => Id(t.Item));

    /// <summary>The items that alert, as stored, with the candidate that carries their matches.</summary>
    public IEnumerable<(StoredItem Item, CandidateItem Candidate)> Alerting =>
        triage.Items.Where(t => t.Alert).Select(t => (Stored(t, alertable: true), t.Candidate));

    /// <summary>The poll's commit: its new items, how many candidates were already stored, and its alerts.</summary>
    public PollCommit Commit(IReadOnlyList<AlertRecord> alerts) =>
        new([.. Fresh.Select(t => Stored(t, completion.AlertOnNew))], completion.Items.Count - Fresh.Count) { Alerts = alerts };

    StoredItem Stored(TriagedItem t, bool alertable) => new(Id(t.Item), completion.FeedId, t.Candidate.Item, completion.Language, alertable);
}
