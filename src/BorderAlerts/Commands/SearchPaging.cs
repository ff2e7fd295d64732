using BorderAlerts.Core.Search;

namespace BorderAlerts.Commands;

/// <summary>
/// The "more results" button carries the next page's request in its id, so any instance can answer it without
/// remembering anything. Discord allows 100 characters; a query too long for that gets no button.
/// </summary>
public static class SearchPaging
{
    const string Prefix = "more";
    const char Separator = '\u001f';

    public static string? Encode(SearchRequest next, int max)
    {
        var id = string.Join(Separator, Prefix, next.Offset, next.Since, next.Source, next.Language, next.Query);
        return id.Length <= max ? id : null;
    }

    public static SearchRequest? Decode(string? id)
    {
        var parts = id?.Split(Separator, 6);
        if (parts is not [Prefix, var offset, var since, var source, var lang, var query] || !int.TryParse(offset, out var skip)) return null;
        return new SearchRequest(query, SearchCommands.PageSize, Empty(since), Empty(source), Empty(lang), Math.Clamp(skip, 0, ArchiveSearch.MaxLimit));
    }

    static string? Empty(string value) => value.Length == 0 ? null : value;
}
