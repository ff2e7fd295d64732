using System.Text.Json;
using BorderAlerts.Core.Translation;
using BorderAlerts.Settings;
using BorderAlerts.Tests.Infrastructure;
using BorderAlerts.Translation;

namespace BorderAlerts.Tests.Translation;

/// <summary>The LibreTranslate client against a fake that enforces the API's contract: every answer becomes one of the closed outcomes.</summary>
public sealed class LibreTranslateClientTests : TranslatorClientTests<FakeLibreTranslate>
{
    public LibreTranslateClientTests() => Server.ApiKey = Secret;

    protected override string Secret => "libre-secret-key";

    protected override ITranslator Client(int timeoutSeconds = 5) => Client(Secret, timeoutSeconds);

    LibreTranslateClient Client(string? apiKey, int timeoutSeconds = 5) => new(() => Http, new TranslationSettings
    {
        Provider = "libretranslate", Url = Server.BaseAddress.ToString(), ApiKey = apiKey, TimeoutSeconds = timeoutSeconds,
    }, TimeProvider.System);

    [Fact]
    public async Task Texts_are_sent_as_one_array_with_the_feeds_language_and_come_back_in_order()
    {
        var result = await Client(Secret).TranslateAsync(["丹东海关查获煤炭", "新义州口岸"], "zh-CN", CancellationToken.None);

        var translated = Assert.IsType<TranslationResult.Translated>(result);
        Assert.Equal(["[en] 丹东海关查获煤炭", "[en] 新义州口岸"], translated.Texts);
        Assert.Equal("libretranslate", translated.Provider);
        var sent = JsonDocument.Parse(Assert.Single(Server.Accepted)).RootElement;
        Assert.Equal(("zh", "en", "text", "libre-secret-key"),
            (sent.GetProperty("source").GetString(), sent.GetProperty("target").GetString(), sent.GetProperty("format").GetString(), sent.GetProperty("api_key").GetString()));
        Assert.Empty(Server.Rejected);
    }

    [Fact]
    public async Task Without_a_feed_language_the_source_is_auto_and_the_detected_language_is_reported()
    {
        Server.DetectAs = "ko";

        var result = await Client().TranslateAsync(["단둥 세관"], null, CancellationToken.None);

        var translated = Assert.IsType<TranslationResult.Translated>(result);
        Assert.Equal(("[en] 단둥 세관", "ko"), (translated.Texts[0], translated.DetectedLanguage));
        Assert.Equal("auto", JsonDocument.Parse(Assert.Single(Server.Accepted)).RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public async Task An_answer_of_one_string_for_one_text_is_read_as_the_api_answers_a_string_q()
    {
        Server.Script(new TranslatorFault(200, Body: """{"translatedText": "Dandong customs", "detectedLanguage": {"confidence": 90, "language": "zh"}}"""));

        var result = await Client().TranslateAsync(["丹东海关"], null, CancellationToken.None);

        var translated = Assert.IsType<TranslationResult.Translated>(result);
        Assert.Equal(["Dandong customs"], translated.Texts);
        Assert.Equal("zh", translated.DetectedLanguage);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData(null)]
    public async Task A_missing_or_wrong_key_is_unauthorized_and_the_message_holds_no_key(string? apiKey)
    {
        var result = await Client(apiKey).TranslateAsync(["丹东"], "zh", CancellationToken.None);

        var unavailable = Assert.IsType<TranslationResult.Unavailable>(result);
        Assert.Equal((TranslationFailure.Unauthorized, "libretranslate answered 403"), (unavailable.Kind, unavailable.Message));
        Assert.Equal(403, Assert.Single(Server.Rejected).Status);
    }

    [Fact]
    public async Task An_unsupported_language_is_refused()
    {
        var result = await Client().TranslateAsync(["Dandong"], "tlh", CancellationToken.None);

        Assert.Equal(TranslationFailure.Refused, Assert.IsType<TranslationResult.Unavailable>(result).Kind);
        Assert.Equal(400, Assert.Single(Server.Rejected).Status);
    }

    public static TheoryData<TranslatorFault, TranslationFailure> Faults() => new()
    {
        { new TranslatorFault(403), TranslationFailure.Unauthorized },
        { new TranslatorFault(400), TranslationFailure.Refused },
        { TranslatorFault.Malformed("{\"translatedText\": [\"only one\"]}"), TranslationFailure.Malformed }, // two texts asked for
        { TranslatorFault.Malformed("{\"translatedText\": [1, 2]}"), TranslationFailure.Malformed },
        { TranslatorFault.Malformed("{\"translatedText\": \"one string for two texts\"}"), TranslationFailure.Malformed },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public Task Each_LibreTranslate_failure_is_one_of_the_closed_outcomes(TranslatorFault fault, TranslationFailure expected) =>
        AssertFailsAsAsync(fault, expected);
}
