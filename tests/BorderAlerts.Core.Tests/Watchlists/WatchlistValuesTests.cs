using BorderAlerts.Core.Watchlists;

namespace BorderAlerts.Core.Tests.Watchlists;

public class WatchlistValuesTests
{
    [Theory]
    [InlineData("9030591", true)]   // YUK TUNG
    [InlineData("8660313", true)]   // CHON MA SAN
    [InlineData("9357391", true)]   // HONESTY
    [InlineData("9030590", false)]
    [InlineData("8660314", false)]
    [InlineData("903059", false)]
    [InlineData("90305911", false)]
    public void The_imo_check_digit_is_the_last_digit_of_the_weighted_sum(string digits, bool valid) =>
        Assert.Equal(valid, ImoNumber.HasValidCheckDigit(digits));

    [Theory]
    [InlineData("IMO9030591", "9030591", true)]
    [InlineData("IMO No. 9030591", "9030591", true)]
    [InlineData("IMO 9030591 / 8660313", "IMO 9030591 / 8660313", false)]
    public void An_imo_number_is_normalised_to_its_seven_digits(string published, string value, bool valid) =>
        Assert.Equal(new WatchlistIdentifier("IMO", value, valid), ImoNumber.Identifier(published));

    [Theory]
    [InlineData("DPRK*", "DPRK3", true)]
    [InlineData("dprk*", "DPRK", true)]
    [InlineData("DPRK", "DPRK3", false)]
    [InlineData("DPRK", "dprk", true)]
    [InlineData("DPRK*", "NPWMD", false)]
    public void A_program_pattern_matches_by_name_or_by_prefix_ignoring_case(string pattern, string program, bool kept) =>
        Assert.Equal(kept, ProgramFilter.Of([pattern]).Keeps([program]));

    [Fact]
    public void No_patterns_keep_everything_even_entries_without_programs()
    {
        Assert.True(ProgramFilter.Everything.Keeps([]));
        Assert.False(ProgramFilter.Of(["DPRK*"]).Keeps([]));
    }
}
