using System.Text.Json;
using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Core.Parsing;

/// <summary>
/// JSON list APIs (Cankao Xiaoxi). <c>items</c> is a dotted path to an array ("list", "data.items", or "" for a
/// top-level array); the other paths are relative to each element. Numbers are accepted where text is expected.
/// </summary>
public static class JsonListParser
{
    public static ParseResult Parse(string json, string encoding, JsonRecipe recipe, ParseContext context)
    {
        if (string.IsNullOrWhiteSpace(json)) return ParseResult.Fail("empty body", encoding);
        JsonDocument document;
        try { document = JsonDocument.Parse(LoneSurrogates.InJsonEscapes(json), new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true }); }
        catch (JsonException e) { return ParseResult.Fail($"malformed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine}: {e.Message.Split(". ")[0]}", encoding); }
        using (document)
        {
            var list = Walk(document.RootElement, recipe.Items);
            if (list is not { ValueKind: JsonValueKind.Array } array)
                return ParseResult.Fail($"json.items: '{recipe.Items}' is not an array in the response", encoding);
            var items = new List<ParsedItem>();
            int skipped = 0;
            foreach (var element in array.EnumerateArray().Take(ParseContext.MaxItems))
            {
                var item = context.Item(Text(element, recipe.Id), Text(element, recipe.Title), Text(element, recipe.Link),
                    Text(element, recipe.Summary), Text(element, recipe.Date));
                if (item is null) skipped++; else items.Add(item);
            }
            return new ParseResult(items, null, encoding, skipped);
        }
    }

    static JsonElement? Walk(JsonElement element, string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return element;
        foreach (var part in path.Split('.'))
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(part, out var child)) element = child;
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(part, out var index) && index < element.GetArrayLength()) element = element[index];
            else return null;
        }
        return element;
    }

    static string? Text(JsonElement element, string? path) => path is null ? null : Walk(element, path) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };
}
