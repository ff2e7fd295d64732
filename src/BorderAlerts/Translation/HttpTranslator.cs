using System.Text.Json;
using BorderAlerts.Core.Fetching;
using BorderAlerts.Core.Translation;
using BorderAlerts.Settings;

namespace BorderAlerts.Translation;

/// <summary>
/// One request to a translation API, with every way it can go wrong as a <see cref="TranslationResult.Unavailable"/>:
/// no connection or 5xx (Down), no answer within TimeoutSeconds (Timeout), the status the provider's own map names,
/// and an answer that is not its JSON (Malformed). The API key travels only in the request: messages name the
/// provider and the status, never the key nor the provider's error text (which could echo what was sent). The
/// translated text is untrusted, like feed text: whoever shows it escapes it as feed text.
/// </summary>
public abstract class HttpTranslator(Func<HttpClient> http, TranslationSettings settings, TimeProvider clock) : ITranslator
{
    /// <summary>The named HttpClient both providers use; it logs nothing of its requests (the key is in them).</summary>
    public const string ClientName = "translation";

    protected TranslationSettings Settings => settings;

    /// <summary>libretranslate or deepl.</summary>
    protected abstract string Provider { get; }

    protected abstract HttpRequestMessage Request(IReadOnlyList<string> texts, string? sourceLanguage);

    /// <summary>What a status other than 2xx means for this provider (one pure map per provider).</summary>
    protected abstract TranslationFailure Classify(int status);

    /// <summary>The translations of <paramref name="count"/> texts from the answer's JSON, or null when it is not the promised shape.</summary>
    protected abstract TranslationResult.Translated? Read(JsonElement answer, int count);

    public async Task<TranslationResult> TranslateAsync(IReadOnlyList<string> texts, string? sourceLanguage, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var request = Request(texts, sourceLanguage);
            using var response = await http().SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (status is < 200 or >= 300)
            {
                var kind = Classify(status);
                var retryAfter = kind == TranslationFailure.RateLimited ? HttpStatusMap.RetryAfter(response, clock.GetUtcNow()) : null;
                return new TranslationResult.Unavailable(kind, $"{Provider} answered {status}", retryAfter);
            }
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return (TranslationResult?)Parse(body, texts.Count) ?? new TranslationResult.Unavailable(TranslationFailure.Malformed,
                $"{Provider} answered {status} with a body that is not its translation JSON for {texts.Count} text(s)");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TranslationResult.Unavailable(TranslationFailure.Timeout, $"{Provider} did not answer within {settings.TimeoutSeconds} s");
        }
        catch (HttpRequestException e)
        {
            return new TranslationResult.Unavailable(TranslationFailure.Down, $"{Provider} could not be reached ({e.HttpRequestError})");
        }
    }

    TranslationResult.Translated? Parse(byte[] body, int count)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? Read(document.RootElement, count) : null;
        }
        catch (JsonException) { return null; }
    }

    /// <summary>The strings of a JSON array, or null when it is not an array of exactly <paramref name="count"/> strings.</summary>
    protected static IReadOnlyList<string?>? Strings(JsonElement array, int count, Func<JsonElement, JsonElement?> pick)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() != count) return null;
        var texts = new List<string?>(count);
        foreach (var element in array.EnumerateArray())
        {
            if (pick(element) is not { ValueKind: JsonValueKind.String } text) return null;
            texts.Add(text.GetString());
        }
        return texts;
    }

    protected static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;
}
