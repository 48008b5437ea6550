using CustomerCare.Complaints;
using CustomerCare.Complaints.Queries;
using CustomerCare.Specifications;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Sqlite.Tests.Queries;

/// <summary>The specifications complaint intake asks on every new complaint read through their indexes, not every complaint.</summary>
public sealed class ComplaintQueryTests
{
    private static readonly Instant Since = Instant.FromUtc(2026, 1, 1, 9, 0);

    public static TheoryData<string, string> Plans { get; } = new()
    {
        { "open-assigned", "complaints_assignee" },
        { "author", "complaints_author" },
        { "product", "complaints_product" },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task IntakeQuery_ReadsItsIndex_NotTheWholeTable(string query, string index)
    {
        await using var temp = new TempDatabase();
        await new SqliteMigrator(temp.Database).MigrateAsync();
        var (where, bind) = SqliteComplaintStore.Narrowing(Specifications()[query]);
        using var connection = new SqliteConnection(temp.Database.ConnectionString);
        connection.Open();
        using var explain = connection.CreateCommand();
        explain.CommandText = $"EXPLAIN QUERY PLAN SELECT version, document FROM complaints WHERE {where} ORDER BY sort_key;";
        bind(explain);
        var plan = new List<string>();
        using (var reader = explain.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains($"INDEX {index}", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN complaints", StringComparison.Ordinal));
    }

    [Fact]
    public void AnyOtherSpecification_ReadsEveryComplaint()
    {
        var (where, _) = SqliteComplaintStore.Narrowing(new Specification<Complaint>(q => q.Where(c => c.AssignedTo == "selin")));

        Assert.Equal("1", where);
    }

    private static Dictionary<string, Specification<Complaint>> Specifications() => new(StringComparer.Ordinal)
    {
        ["open-assigned"] = new OpenComplaintsAssignedToSpecification("selin"),
        ["author"] = new RecentComplaintsByAuthorSpecification(ComplaintChannel.Twitter, "@İSTANBUL", Since),
        ["product"] = new RecentComplaintsAboutProductSpecification("SKU-1", Since),
    };
}
