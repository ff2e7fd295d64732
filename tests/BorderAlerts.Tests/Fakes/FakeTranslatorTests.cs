using System.Net;
using System.Text;
using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Fakes;

/// <summary>The fake translators enforce their API's contract, probed with a plain HttpClient, so the client tests prove something.</summary>
public sealed class FakeTranslatorTests(FakeLibreTranslate libre, FakeDeepL deepl) : IClassFixture<FakeLibreTranslate>, IClassFixture<FakeDeepL>
{
    static readonly HttpClient Http = new();

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    Task<HttpResponseMessage> Libre(HttpContent content) => Http.PostAsync(new Uri(libre.BaseAddress, "translate"), content);

    Task<HttpResponseMessage> DeepL(HttpContent content, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(deepl.BaseAddress, "v2/translate")) { Content = content };
        if (key is not null) request.Headers.TryAddWithoutValidation("Authorization", $"DeepL-Auth-Key {key}");
        return Http.SendAsync(request);
    }

    [Theory]
    [InlineData("""{"q": "丹东", "source": "zh", "target": "en"}""", HttpStatusCode.OK)]
    [InlineData("""{"source": "zh", "target": "en"}""", HttpStatusCode.BadRequest)] // no q
    [InlineData("""{"q": "丹东", "target": "en"}""", HttpStatusCode.BadRequest)] // no source
    [InlineData("""{"q": "丹东", "source": "zh", "target": "xx"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"q": [1], "source": "zh", "target": "en"}""", HttpStatusCode.BadRequest)]
    public async Task LibreTranslate_checks_the_fields_of_its_JSON(string body, HttpStatusCode expected)
    {
        var response = await Libre(Json(body));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK) Assert.Equal("[en] 丹东", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("translatedText").GetString());
        else Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task LibreTranslate_refuses_a_body_that_is_not_JSON()
    {
        var response = await Libre(new FormUrlEncodedContent([new("q", "丹东"), new("source", "zh"), new("target", "en")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Forbidden)]
    [InlineData("wrong", HttpStatusCode.Forbidden)]
    [InlineData("fake-deepl-key:fx", HttpStatusCode.OK)]
    public async Task DeepL_wants_its_key_in_the_authorization_header(string? key, HttpStatusCode expected)
    {
        var response = await DeepL(Json("""{"text": ["丹东"], "target_lang": "EN-US"}"""), key);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task DeepL_takes_a_form_with_text_repeated()
    {
        var response = await DeepL(new FormUrlEncodedContent([new("text", "丹东"), new("text", "煤炭"), new("target_lang", "EN-GB")]), "fake-deepl-key:fx");

        var translations = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("translations");
        Assert.Equal(["[en] 丹东", "[en] 煤炭"], translations.EnumerateArray().Select(t => t.GetProperty("text").GetString()));
    }

    [Theory]
    [InlineData("""{"text": "丹东", "target_lang": "EN-US"}""", "application/json", HttpStatusCode.UnsupportedMediaType)] // text must be an array
    [InlineData("""{"text": ["丹东"], "target_lang": "EN-US"}""", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("""{"text": ["丹东"]}""", "application/json", HttpStatusCode.BadRequest)] // no target_lang
    [InlineData("""{"text": ["丹东"], "target_lang": "EN-US", "source_lang": "ZH-CN"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"text": [], "target_lang": "EN-US"}""", "application/json", HttpStatusCode.BadRequest)]
    public async Task DeepL_refuses_what_its_contract_does_not_allow(string body, string contentType, HttpStatusCode expected)
    {
        var response = await DeepL(new StringContent(body, Encoding.UTF8, contentType), "fake-deepl-key:fx");

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(deepl.Rejected, r => r.Status == (int)expected);
    }
}
