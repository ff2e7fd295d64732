using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Benchmarks.Watchlists;

/// <summary>
/// A list of designations shaped like the published ones (fixed seed): people with romanised Korean, Chinese and
/// Russian names written "LAST, First", an alias and an original-script name; firms with legal forms and a former
/// name; vessels with a former name, an IMO number (valid check digit) and a call sign. About three names an entry.
/// </summary>
internal static class DesignationGenerator
{
    static readonly string[] KoreanFamily = "Kim Ri Pak Choe Jong Kang Jo Yun Jang Han O So Hwang Ryu Ko Mun Yang Son Sin Ju Hyon Paek".Split(' ');
    static readonly string[] KoreanGiven = "Chol Song Il Yong Hyok Myong Kwang Su Nam Jin Hyon Chang Ho Won Sun Hui Gyong Un Ok Ryong Pyong Jun Thae Hak".Split(' ');
    static readonly string[] ChineseFamily = "Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Sun Ma Zhu Hu Guo Lin He Gao Luo Zheng".Split(' ');
    static readonly string[] ChineseGiven = "Wei Fang Min Jing Lei Jun Yong Hong Qiang Ping Gang Xiu Hua Lin Tao Bin Hui Yan Chao Xin".Split(' ');
    static readonly string[] RussianFamily = "Ivanov Petrov Sidorov Smirnov Kuznetsov Popov Volkov Sokolov Morozov Lebedev Kozlov Novikov Pavlov Orlov".Split(' ');
    static readonly string[] RussianFirst = "Sergei Alexei Dmitry Ivan Nikolai Andrei Oleg Pavel Viktor Yuri Mikhail Vladimir Igor Roman".Split(' ');
    static readonly string[] RussianPatronymic = "Sergeyevich Ivanovich Petrovich Nikolayevich Andreyevich Olegovich Viktorovich Yurievich".Split(' ');
    const string HangulFamily = "김리박최정강조윤장한오소황류고문양손신주";
    const string HangulGiven = "철성일영혁명광수남진현창호원순희경은옥룡병준태학";
    const string ChineseChars = "王李张刘陈杨赵黄周吴孙马朱胡郭林何高罗郑伟芳敏静磊军勇红强平刚秀华涛斌辉燕超鑫";
    static readonly string[] FirmWords = ("Korea Pyongyang Dandong Hongxiang Ryonbong Kwangson Tanchon Paeksol Haegumgang Sinhung Kumgang Chilsong " +
        "Moranbong Daesong Mirae Songi Kwangmyong Unha Hunchun Yanbian Liaoning Vladivostok Nakhodka Amur Baikal Sakhalin Ocean Golden Eastern").Split(' ');
    static readonly string[] Trades = "Trading Industrial Development Shipping Mining Technology Import Export Energy Commercial General Investment Logistics Marine Petroleum Steel".Split(' ');
    static readonly string[] LegalForms = ["Corporation", "Co., Ltd.", "LLC", "Limited", "Trading Company", "Group", "Inc.", "Company", "Corp.", "JSC", "General Corporation"];
    static readonly string[] VesselSyllables = "Kum Un San Nam Chon Ma Paek Ji Song Rye Gang Sam Jong Yu Phyong Chong Rim Sae Byol An Hae Myong Ta Ryong".Split(' ');
    static readonly string[] VesselWords = "Ocean Star Pacific Glory Fortune Harmony Sky Pearl Dragon Phoenix Lucky Unity Grand Victory".Split(' ');

    public static List<WatchlistEntry> Entries(int count, string listId = "bench-list")
    {
        var random = new Random(20261206);
        var entries = new List<WatchlistEntry>(count);
        for (int i = 0; i < count; i++)
        {
            var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            entries.Add((i % 20) switch
            {
                < 8 => Person(random, listId, id),
                < 15 => Firm(random, listId, id),
                _ => Vessel(random, listId, id, i),
            });
        }
        return entries;
    }

    static string Pick(Random r, string[] words) => words[r.Next(words.Length)];
    static char Pick(Random r, string chars) => chars[r.Next(chars.Length)];

    static WatchlistEntry Person(Random r, string listId, string id)
    {
        var (name, alias, original) = r.Next(3) switch
        {
            0 => ($"{Pick(r, KoreanFamily).ToUpperInvariant()}, {Pick(r, KoreanGiven)} {Pick(r, KoreanGiven).ToLowerInvariant()}",
                $"{Pick(r, KoreanFamily)} {Pick(r, KoreanGiven)}-{Pick(r, KoreanGiven).ToLowerInvariant()}", $"{Pick(r, HangulFamily)}{Pick(r, HangulGiven)}{Pick(r, HangulGiven)}"),
            1 => ($"{Pick(r, ChineseFamily).ToUpperInvariant()}, {Pick(r, ChineseGiven)}{Pick(r, ChineseGiven).ToLowerInvariant()}",
                $"{Pick(r, ChineseFamily)} {Pick(r, ChineseGiven)}", $"{Pick(r, ChineseChars)}{Pick(r, ChineseChars)}{Pick(r, ChineseChars)}"),
            _ => ($"{Pick(r, RussianFamily).ToUpperInvariant()}, {Pick(r, RussianFirst)} {Pick(r, RussianPatronymic)}",
                $"{Pick(r, RussianFirst)} {Pick(r, RussianFamily)}", ""),
        };
        return new WatchlistEntry
        {
            ListId = listId, EntryId = id, Type = WatchlistEntryType.Individual, Name = name,
            Aliases = [new(alias, AliasStrength.Strong), new($"{Pick(r, KoreanFamily)} {Pick(r, ChineseGiven)} {Pick(r, KoreanGiven)}", AliasStrength.Strong)],
            OriginalScriptNames = original.Length > 0 ? [original] : [],
        };
    }

    static WatchlistEntry Firm(Random r, string listId, string id) => new()
    {
        ListId = listId, EntryId = id, Type = WatchlistEntryType.Entity,
        Name = $"{Pick(r, FirmWords)} {Pick(r, FirmWords)} {Pick(r, Trades)} {Pick(r, LegalForms)}".ToUpperInvariant(),
        Aliases = [new($"{Pick(r, FirmWords)} {Pick(r, Trades)} {Pick(r, LegalForms)}", AliasStrength.Strong), new($"{Pick(r, FirmWords)} {Pick(r, Trades)}", AliasStrength.Strong)],
    };

    static WatchlistEntry Vessel(Random r, string listId, string id, int i) => new()
    {
        ListId = listId, EntryId = id, Type = WatchlistEntryType.Vessel,
        Name = (r.Next(2) == 0 ? $"{Pick(r, VesselSyllables)} {Pick(r, VesselSyllables)} {Pick(r, VesselSyllables)}" : $"{Pick(r, VesselWords)} {Pick(r, VesselWords)}")
            .ToUpperInvariant() + (r.Next(2) == 0 ? $" {r.Next(1, 30)}" : ""),
        Aliases = [new($"{Pick(r, VesselWords)} {Pick(r, VesselSyllables)} {r.Next(1, 99)}".ToUpperInvariant(), AliasStrength.Strong),
            new($"{Pick(r, VesselSyllables)} {Pick(r, VesselSyllables)} {Pick(r, VesselSyllables)} {r.Next(1, 9)}".ToUpperInvariant(), AliasStrength.Strong)],
        Identifiers = [ImoNumber.Identifier("IMO " + Imo(i)), new(WatchlistIdentifier.CallSign, $"HM{i % 100_000:D5}")],
    };

    static string Imo(int i)
    {
        var six = (100_000 + i * 37 % 900_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        int sum = 0;
        for (int k = 0; k < 6; k++) sum += (six[k] - '0') * (7 - k);
        return six + sum % 10;
    }
}
