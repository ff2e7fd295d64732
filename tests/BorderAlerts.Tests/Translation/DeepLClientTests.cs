using System.Text.Json;
using BorderAlerts.Core.Translation;
using BorderAlerts.Settings;
using BorderAlerts.Tests.Infrastructure;
using BorderAlerts.Translation;

namespace BorderAlerts.Tests.Translation;

/// <summary>The DeepL client against a fake that enforces the API's contract: every answer becomes one of the closed outcomes.</summary>
public sealed class DeepLClientTests : TranslatorClientTests<FakeDeepL>
{
    public DeepLClientTests() => Server.AuthKey = Secret;

    protected override string Secret => "deepl-secret-key:fx";

    protected override ITranslator Client(int timeoutSeconds = 5) => Client(Secret, timeoutSeconds: timeoutSeconds);

    DeepLClient Client(string apiKey, string target = "en", int timeoutSeconds = 5) => new(() => Http, new TranslationSettings
    {
        Provider = "deepl", Url = Server.BaseAddress.ToString(), ApiKey = apiKey, TargetLanguage = target, TimeoutSeconds = timeoutSeconds,
    }, TimeProvider.System);

    [Fact]
    public async Task Texts_are_sent_as_one_array_with_upper_case_languages_and_come_back_in_order()
    {
        var result = await Client(Secret).TranslateAsync(["丹东海关查获煤炭", "新义州口岸"], "zh-Hans", CancellationToken.None);

        var translated = Assert.IsType<TranslationResult.Translated>(result);
        Assert.Equal(["[en] 丹东海关查获煤炭", "[en] 新义州口岸"], translated.Texts);
        Assert.Equal(("zh", "deepl"), (translated.DetectedLanguage, translated.Provider));
        var sent = JsonDocument.Parse(Assert.Single(Server.Accepted)).RootElement;
        Assert.Equal(("EN-US", "ZH"), (sent.GetProperty("target_lang").GetString(), sent.GetProperty("source_lang").GetString()));
        Assert.Empty(Server.Rejected);
    }

    [Theory]
    [InlineData("en-GB", "EN-GB")]
    [InlineData("de", "DE")]
    [InlineData("pt", "PT-PT")]
    public void The_target_language_is_written_as_DeepL_names_its_targets(string target, string expected) =>
        Assert.Equal(expected, DeepLClient.TargetLang(target));

    [Fact]
    public async Task Without_a_feed_language_no_source_is_sent_and_the_detected_language_is_reported()
    {
        Server.DetectAs = "JA";

        var result = await Client(Secret).TranslateAsync(["丹東税関"], null, CancellationToken.None);

        Assert.Equal("ja", Assert.IsType<TranslationResult.Translated>(result).DetectedLanguage);
        Assert.False(JsonDocument.Parse(Assert.Single(Server.Accepted)).RootElement.TryGetProperty("source_lang", out _));
    }

    [Fact]
    public async Task A_wrong_key_is_unauthorized_and_the_message_holds_no_key()
    {
        var result = await Client(apiKey: "stolen-key:fx").TranslateAsync(["丹东"], "zh", CancellationToken.None);

        var unavailable = Assert.IsType<TranslationResult.Unavailable>(result);
        Assert.Equal((TranslationFailure.Unauthorized, "deepl answered 403"), (unavailable.Kind, unavailable.Message));
        Assert.Equal(403, Assert.Single(Server.Rejected).Status);
    }

    [Fact]
    public async Task A_target_DeepL_does_not_offer_is_refused()
    {
        var result = await Client(Secret, target: "tlh").TranslateAsync(["丹东"], "zh", CancellationToken.None);

        Assert.Equal(TranslationFailure.Refused, Assert.IsType<TranslationResult.Unavailable>(result).Kind);
        Assert.Equal(400, Assert.Single(Server.Rejected).Status);
    }

    public static TheoryData<TranslatorFault, TranslationFailure> Faults() => new()
    {
        { TranslatorFault.QuotaExceeded, TranslationFailure.QuotaExceeded },
        { new TranslatorFault(529), TranslationFailure.RateLimited },
        { new TranslatorFault(503), TranslationFailure.Down },
        { new TranslatorFault(413), TranslationFailure.Refused },
        { TranslatorFault.Malformed("{\"translations\": [{\"text\": \"only one\"}]}"), TranslationFailure.Malformed }, // two texts asked for
        { TranslatorFault.Malformed("{\"translations\": [{\"detected_source_language\": \"ZH\"}, {\"text\": null}]}"), TranslationFailure.Malformed },
        { TranslatorFault.Malformed("{\"message\": \"ok\"}"), TranslationFailure.Malformed },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public Task Each_DeepL_failure_is_one_of_the_closed_outcomes(TranslatorFault fault, TranslationFailure expected) =>
        AssertFailsAsAsync(fault, expected);
}
