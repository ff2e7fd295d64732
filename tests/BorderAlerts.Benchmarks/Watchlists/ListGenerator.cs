using System.Globalization;
using System.Text;

namespace BorderAlerts.Benchmarks.Watchlists;

/// <summary>
/// Writes OFAC- and FtM-shaped lists of a given size, streamed to disk: entries in the published structure (vessels
/// with IMO numbers and call signs, firms with strong and weak aliases, people with documents), numbered so no two
/// names are the same.
/// </summary>
internal static class ListGenerator
{
    public static void Ofac(string path, long bytes)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.WriteLine("""<?xml version="1.0" standalone="yes"?>""");
        w.WriteLine("""<sdnList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">""");
        w.WriteLine("  <publshInformation><Publish_Date>11/28/2026</Publish_Date><Record_Count>0</Record_Count></publshInformation>");
        for (int i = 1; w.BaseStream.Position < bytes; i++) w.Write(OfacEntry(i));
        w.WriteLine("</sdnList>");
    }

    public static void Ftm(string path, long bytes)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        for (int i = 1; w.BaseStream.Position < bytes; i++) w.Write(FtmLines(i));
    }

    static string Imo(int i)
    {
        var six = (100_000 + i % 900_000).ToString(CultureInfo.InvariantCulture);
        int sum = 0;
        for (int k = 0; k < 6; k++) sum += (six[k] - '0') * (7 - k);
        return six + (sum % 10).ToString(CultureInfo.InvariantCulture);
    }

    static string OfacEntry(int i) => (i % 3) switch
    {
        0 => $"""
              <sdnEntry>
                <uid>{i}</uid>
                <lastName>OCEAN VESSEL {i}</lastName>
                <sdnType>Vessel</sdnType>
                <programList>
                  <program>{(i % 5 == 0 ? "DPRK3" : "IRAN")}</program>
                </programList>
                <akaList>
                  <aka><uid>{i}1</uid><type>f.k.a.</type><category>strong</category><lastName>FORMER NAME {i}</lastName></aka>
                </akaList>
                <idList>
                  <id><uid>{i}2</uid><idType>Vessel Registration Identification</idType><idNumber>IMO {Imo(i)}</idNumber></id>
                  <id><uid>{i}3</uid><idType>MMSI</idType><idNumber>{445000000 + i % 100000}</idNumber></id>
                </idList>
                <vesselInfo>
                  <callSign>HM{i % 10000}</callSign>
                  <vesselType>Oil Tanker</vesselType>
                  <vesselFlag>Korea, North</vesselFlag>
                  <tonnage>3,200</tonnage>
                </vesselInfo>
              </sdnEntry>

            """,
        1 => $"""
              <sdnEntry>
                <uid>{i}</uid>
                <lastName>KOREA GENERAL TRADING CORPORATION {i}</lastName>
                <sdnType>Entity</sdnType>
                <programList>
                  <program>NPWMD</program>
                  <program>{(i % 5 == 1 ? "DPRK3" : "SDGT")}</program>
                </programList>
                <akaList>
                  <aka><uid>{i}1</uid><type>a.k.a.</type><category>strong</category><lastName>KOGEN TRADING {i}</lastName></aka>
                  <aka><uid>{i}2</uid><type>a.k.a.</type><category>weak</category><lastName>KGTC{i}</lastName></aka>
                </akaList>
                <addressList>
                  <address><uid>{i}3</uid><address1>Central District</address1><city>Pyongyang</city><country>Korea, North</country></address>
                </addressList>
                <remarks>Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION.</remarks>
              </sdnEntry>

            """,
        _ => $"""
              <sdnEntry>
                <uid>{i}</uid>
                <firstName>Chol {i}</firstName>
                <lastName>KIM</lastName>
                <sdnType>Individual</sdnType>
                <programList>
                  <program>DPRK2</program>
                </programList>
                <idList>
                  <id><uid>{i}1</uid><idType>Passport</idType><idNumber>{300000000 + i}</idNumber><idCountry>Korea, North</idCountry></id>
                </idList>
                <dateOfBirthList>
                  <dateOfBirthItem><uid>{i}2</uid><dateOfBirth>17 Jul 1964</dateOfBirth><mainEntry>true</mainEntry></dateOfBirthItem>
                </dateOfBirthList>
                <nationalityList>
                  <nationality><uid>{i}3</uid><country>Korea, North</country><mainEntry>true</mainEntry></nationality>
                </nationalityList>
              </sdnEntry>

            """,
    };

    static string FtmLines(int i) => (i % 3) switch
    {
        0 => $$"""{"id": "NK-vessel-{{i}}", "caption": "OCEAN VESSEL {{i}}", "schema": "Vessel", "properties": {"name": ["OCEAN VESSEL {{i}}"], "previousName": ["FORMER NAME {{i}}"], "imoNumber": ["IMO{{Imo(i)}}"], "mmsi": ["{{445000000 + i % 100000}}"], "callSign": ["HM{{i % 10000}}"], "flag": ["kp"], "type": ["Oil Tanker"], "program": ["{{(i % 5 == 0 ? "DPRK3" : "IRAN")}}"], "topics": ["sanction"], "createdAt": ["2018-02-23"]}, "referents": ["ofac-{{i}}"], "datasets": ["us_ofac_sdn"], "first_seen": "2018-02-24T00:00:00", "last_seen": "2026-11-30T06:12:19", "target": true}""" + "\n"
            + $$"""{"id": "sanc-{{i}}", "caption": "Sanction", "schema": "Sanction", "properties": {"entity": ["NK-vessel-{{i}}"], "program": ["DPRK3"], "listingDate": ["2018-02-23"]}, "datasets": ["us_ofac_sdn"], "target": false}""" + "\n",
        1 => $$"""{"id": "NK-company-{{i}}", "caption": "KOREA GENERAL TRADING CORPORATION {{i}}", "schema": "Company", "properties": {"name": ["KOREA GENERAL TRADING CORPORATION {{i}}"], "alias": ["KOGEN TRADING {{i}}"], "weakAlias": ["KGTC{{i}}"], "country": ["kp"], "programId": ["{{(i % 5 == 1 ? "UN-SCDPRK" : "US-SDGT")}}"], "topics": ["sanction"], "createdAt": ["2009-04-24"]}, "datasets": ["un_sc_sanctions", "us_ofac_sdn"], "first_seen": "2021-08-03T00:00:00", "target": true}""" + "\n",
        _ => $$"""{"id": "NK-person-{{i}}", "caption": "KIM CHOL {{i}}", "schema": "Person", "properties": {"name": ["KIM CHOL {{i}}"], "alias": ["김철{{i}}"], "birthDate": ["1964-07-17"], "nationality": ["kp"], "passportNumber": ["{{300000000 + i}}"], "programId": ["UN-SCDPRK"], "topics": ["sanction"], "createdAt": ["2016-11-30"]}, "datasets": ["un_sc_sanctions"], "target": true}""" + "\n",
    };
}
