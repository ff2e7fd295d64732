using BorderAlerts.Core.Translation;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Translation;

/// <summary>The composition root's translator: the one Translation:Provider names, behind the policy; none sends nothing.</summary>
public sealed class TranslatorRegistrationTests(FakeLibreTranslate libre, FakeDeepL deepl) : IClassFixture<FakeLibreTranslate>, IClassFixture<FakeDeepL>
{
    static async Task<TranslationResult> TranslateAsync(string? language, params (string Key, string Value)[] settings)
    {
        using var folder = new TempFolder(Store.Sqlite);
        await using var pipeline = await Pipeline.StartAsync(folder, settings);
        return await pipeline.Services.GetRequiredService<ITranslator>().TranslateAsync(["丹东海关", ""], language, CancellationToken.None);
    }

    [Fact]
    public async Task With_provider_none_nothing_is_sent_and_the_answer_says_translation_is_off()
    {
        var result = await TranslateAsync("zh");

        Assert.Equal(TranslationFailure.Off, Assert.IsType<TranslationResult.Unavailable>(result).Kind);
    }

    [Fact]
    public async Task LibreTranslate_is_asked_for_the_non_empty_texts_only()
    {
        var result = await TranslateAsync("zh", ("Translation:Provider", "libretranslate"), ("Translation:Url", libre.BaseAddress.ToString()));

        Assert.Equal(["[en] 丹东海关", null], Assert.IsType<TranslationResult.Translated>(result).Texts);
    }

    [Fact]
    public async Task DeepL_is_not_asked_for_an_item_already_in_the_target_language()
    {
        var before = deepl.Requests.Count;

        var result = await TranslateAsync("en-GB", ("Translation:Provider", "deepl"), ("Translation:Url", deepl.BaseAddress.ToString()),
            ("Translation:ApiKey", deepl.AuthKey));

        Assert.IsType<TranslationResult.NotNeeded>(result);
        Assert.Equal(before, deepl.Requests.Count);
    }

    [Fact]
    public async Task DeepL_translates_with_the_key_from_the_settings()
    {
        var result = await TranslateAsync("zh", ("Translation:Provider", "deepl"), ("Translation:Url", deepl.BaseAddress.ToString()),
            ("Translation:ApiKey", deepl.AuthKey));

        Assert.Equal(["[en] 丹东海关", null], Assert.IsType<TranslationResult.Translated>(result).Texts);
    }
}
