namespace BorderAlerts.Core.Storage;

/// <summary>One field of a stored item in one language, as a machine translator gave it (untrusted, like feed text).</summary>
/// <param name="Field">Which text of the item: <see cref="TranslatedFields.Title"/> or <see cref="TranslatedFields.Excerpt"/>.</param>
/// <param name="Language">The language translated into (<c>en</c>).</param>
/// <param name="Provider">libretranslate or deepl.</param>
public sealed record StoredTranslation(long ItemId, string Field, string Language, string Text, string Provider, DateTimeOffset TranslatedAt);

public static class TranslatedFields
{
    public const string Title = "title", Excerpt = "excerpt";
}

/// <summary>Translations kept with their items, so a card edited later, and search, show them without asking the translator again.</summary>
public interface ITranslationStore
{
    /// <summary>Keeps each translation; one already kept for the same item, field and language is replaced.</summary>
    Task SaveAsync(IReadOnlyList<StoredTranslation> translations, CancellationToken cancellationToken);

    /// <summary>The translations of item <paramref name="itemId"/> into <paramref name="language"/>, by field.</summary>
    Task<IReadOnlyList<StoredTranslation>> ForItemAsync(long itemId, string language, CancellationToken cancellationToken);
}
