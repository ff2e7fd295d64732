using System.Runtime.CompilerServices;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Search;
using BorderAlerts.Core.Storage;
using Moq;

namespace BorderAlerts.Core.Tests.Search;

/// <summary>The search's bounded cost, at the index port: a query the index cannot narrow reads a fixed budget, no more.</summary>
public sealed class ArchiveSearchBudgetTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    sealed class EndlessIndex : ISearchIndex
    {
        public int Read;
        public SearchExpression? Restriction;

        public async IAsyncEnumerable<ArchivedItem> CandidatesAsync(SearchExpression? restriction, SearchFilters filters,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Restriction = restriction;
            for (long id = 1_000_000; ; id--)
            {
                Read++;
                await Task.CompletedTask;
                yield return new ArchivedItem(id, "f", $"Seoul weather {id}", "sunny", "en", null, null, Now, true);
            }
        }
    }

    static ArchiveSearch Search(ISearchIndex index)
    {
        var rules = new Mock<IRuleSource>();
        rules.Setup(r => r.Current).Returns(RuleSet.Empty);
        var clock = new Mock<TimeProvider>();
        clock.Setup(c => c.GetUtcNow()).Returns(Now);
        return new ArchiveSearch(index, rules.Object, clock.Object);
    }

    [Theory]
    [InlineData("/ship-?to-?ship/")]
    [InlineData("-weather")]
    [InlineData("NOT sunny")]
    public async Task A_query_the_index_cannot_narrow_stops_after_its_budget_and_says_so(string query)
    {
        var index = new EndlessIndex();
        var outcome = await Search(index).SearchAsync(new SearchRequest(query), CancellationToken.None);
        Assert.Null(index.Restriction);
        Assert.True(outcome.Capped);
        Assert.False(outcome.Narrowed);
        Assert.Equal(ArchiveSearch.MaxExamined, outcome.Examined);
        Assert.Equal(ArchiveSearch.MaxExamined + 1, index.Read);
        Assert.Empty(outcome.Hits);
    }

    [Fact]
    public async Task A_common_word_stops_once_it_has_enough_hits_to_rank()
    {
        var index = new EndlessIndex();
        var outcome = await Search(index).SearchAsync(new SearchRequest("weather", Limit: 5), CancellationToken.None);
        Assert.IsType<TokenPhrase>(index.Restriction);
        Assert.Equal(5, outcome.Hits.Count);
        Assert.True(outcome.More);
        Assert.False(outcome.Capped);
        Assert.Equal(ArchiveSearch.Pool, index.Read);
    }
}
