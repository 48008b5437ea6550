using CustomerCare.Customers;
using CustomerCare.Segments.Evaluation;
using CustomerCare.Segments.Rules;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;

namespace CustomerCare.Tests.Segments;

public sealed class SegmentSpecificationTests
{
    [Fact]
    public async Task ToSpecification_AgainstTheStore_SelectsWhatTheTableScanSelects()
    {
        var random = new Random(11);
        var customers = RandomRules.Customers(random, 300);
        var store = new InMemoryCustomerStore();
        await store.CommitAsync(new CustomerChangeSet { Customers = [.. customers.Select(c => new VersionedWrite<Customer>(c, 0))] });
        var table = CustomerTable.Create(customers, RandomRules.AsOf);
        var checkedRules = 0;
        while (checkedRules < 40)
        {
            var rule = SegmentRule.FromTree(RandomRules.Rule(random));
            if (rule.UsesPopulation)
            {
                continue;
            }

            var fromStore = await store.ListAsync(rule.ToSpecification(RandomRules.AsOf));

            Assert.Equal(rule.Evaluate(table).CustomerIds().Order(), fromStore.Select(c => c.Id));
            checkedRules++;
        }
    }

    [Fact]
    public void ToSpecification_RuleReadingRfmOrComplaints_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => SegmentRule.Parse("rfm_r >= 4").ToSpecification(RandomRules.AsOf));
        Assert.Throws<ArgumentException>(() => SegmentRule.Parse("open_complaints > 0").ToSpecification(RandomRules.AsOf));
    }
}
