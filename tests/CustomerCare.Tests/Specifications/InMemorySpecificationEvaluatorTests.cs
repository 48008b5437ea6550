using CustomerCare.Specifications;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Specifications;

public sealed class InMemorySpecificationEvaluatorTests
{
    private sealed record Row(string Id, string City, int Orders);

    private static readonly Row[] Rows =
    [
        new("a", "istanbul", 3),
        new("b", "İstanbul", 5),
        new("c", "Ankara", 5),
        new("d", "ankara", 1),
        new("e", "Zonguldak", 3),
    ];

    [Fact]
    public void Evaluate_AllCriteriaMustHold()
    {
        var spec = new Specification<Row>(q => q.Where(r => r.Orders >= 3).Where(r => r.City != "Ankara"));

        Assert.Equal(["a", "b", "e"], InMemorySpecificationEvaluator.Evaluate(Rows, spec).Select(r => r.Id));
    }

    [Fact]
    public void Evaluate_StringKeysOrderOrdinallyEvenUnderTurkishCulture()
    {
        using var culture = new TurkishCulture();
        var spec = new Specification<Row>(q => q.OrderBy(r => r.City));

        // Ordinal: upper-case ASCII, then lower-case ASCII, then 'İ' (U+0130).
        Assert.Equal(["Ankara", "Zonguldak", "ankara", "istanbul", "İstanbul"], InMemorySpecificationEvaluator.Evaluate(Rows, spec).Select(r => r.City));
    }

    [Fact]
    public void Evaluate_TiesKeepSourceOrder_AndThenByBreaksThem()
    {
        var byOrders = new Specification<Row>(q => q.OrderByDescending(r => r.Orders));
        var byOrdersThenCity = new Specification<Row>(q => q.OrderByDescending(r => r.Orders).OrderBy(r => r.City));

        Assert.Equal(["b", "c", "a", "e", "d"], InMemorySpecificationEvaluator.Evaluate(Rows, byOrders).Select(r => r.Id));
        Assert.Equal(["c", "b", "e", "a", "d"], InMemorySpecificationEvaluator.Evaluate(Rows, byOrdersThenCity).Select(r => r.Id));
    }

    [Fact]
    public void Evaluate_SkipBeforeTake_AndCountIgnoresPaging()
    {
        var spec = new Specification<Row>(q => q.Where(r => r.Orders > 1).OrderBy(r => r.Id).Skip(1).Take(2));

        Assert.Equal(["b", "c"], InMemorySpecificationEvaluator.Evaluate(Rows, spec).Select(r => r.Id));
        Assert.Equal(4, InMemorySpecificationEvaluator.Count(Rows, spec));
    }

    [Fact]
    public void IsSatisfiedBy_AddingACriterionAfterUse_IsHonoured()
    {
        var spec = new GrowingSpec();
        Assert.True(spec.IsSatisfiedBy(Rows[3]));

        spec.RequireAtLeast(2);

        Assert.False(spec.IsSatisfiedBy(Rows[3]));
    }

    [Fact]
    public void Builder_NegativePaging_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Specification<Row>(q => q.Take(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Specification<Row>(q => q.Skip(-1)));
    }

    private sealed class GrowingSpec : Specification<Row>
    {
        public void RequireAtLeast(int orders) => Query.Where(r => r.Orders >= orders);
    }
}
