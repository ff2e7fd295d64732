using BorderAlerts.Core.Storage;

namespace BorderAlerts.Core.Search;

/// <summary>
/// Puts the stored machine translation of each hit's title on it (kept when the item was translated for a card), so
/// a reader sees what a result is about; nothing is asked of the translator. One look per hit of the page shown.
/// </summary>
public sealed class SearchTranslations(ITranslationStore store, string targetLanguage)
{
    public async Task<List<SearchHit>> AddAsync(List<SearchHit> hits, CancellationToken cancellationToken)
    {
        var shown = new List<SearchHit>(hits.Count);
        foreach (var hit in hits)
        {
            var kept = await store.ForItemAsync(hit.Item.Id, targetLanguage, cancellationToken);
            var title = kept.FirstOrDefault(t => t.Field == TranslatedFields.Title)?.Text;
            shown.Add(title is null ? hit : hit with { TranslatedTitle = title });
        }
        return shown;
    }
}
