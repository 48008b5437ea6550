using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using CustomerCare.Customers;
using CustomerCare.Segments.Evaluation;
using CustomerCare.Text;

namespace CustomerCare.Segments.Rules;

/// <summary>The catalog of attributes segment rules can test. See <c>docs/segment-rules.md</c> for the full table.</summary>
public static partial class SegmentFields
{
    // Lazy: the definitions live in another part of this class, whose static fields must be set first.
    private static readonly Lazy<SegmentField[]> Fields = new(Definitions);
    private static readonly Lazy<FrozenDictionary<string, SegmentField>> Index = new(BuildIndex);

    /// <summary>Every attribute, in documentation order.</summary>
    public static IReadOnlyList<SegmentField> All => Fields.Value;

    private static FrozenDictionary<string, SegmentField> ByName => Index.Value;

    /// <summary>Finds an attribute by name or alias (case-insensitive, culture-invariant).</summary>
    /// <param name="name">The name.</param>
    /// <param name="attribute">The attribute, when found.</param>
    /// <returns>Whether it was found.</returns>
    public static bool TryFind(string name, [NotNullWhen(true)] out SegmentField? attribute)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.TryGetValue(name.ToLowerInvariant(), out attribute);
    }

    /// <summary>The attribute name closest to a misspelt one, for hints.</summary>
    /// <param name="name">The unknown name.</param>
    /// <returns>The closest known name.</returns>
    public static string Closest(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.ToLowerInvariant();
        return ByName.Keys
            .Select(k => (Name: ByName[k].Name, Distance: EditDistance.Between(lower, k) - (k.Contains(lower, StringComparison.Ordinal) || lower.Contains(k, StringComparison.Ordinal) ? 1 : 0)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .First().Name;
    }

    private static FrozenDictionary<string, SegmentField> BuildIndex()
    {
        var index = new Dictionary<string, SegmentField>(StringComparer.Ordinal);
        foreach (var attribute in Fields.Value)
        {
            index.Add(attribute.Name, attribute);
        }

        foreach (var (alias, target) in Aliases)
        {
            index.Add(alias, index[target]);
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static IntColumn Ints(CustomerTable table, Func<int, int?> read)
    {
        var values = new int[table.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = read(i) ?? IntColumn.Null;
        }

        return new IntColumn(values);
    }

    private static DecimalColumn Decimals(CustomerTable table, Func<Customer, decimal> read)
    {
        var values = new decimal[table.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = read(table.Customers[i]);
        }

        return new DecimalColumn(values);
    }

    private static DateColumn Dates(CustomerTable table, Func<int, NodaTime.Instant?> read)
    {
        var days = new int[table.Count];
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = table.DayOf(i, read(i));
        }

        return new DateColumn(days);
    }

    private static ChoiceColumn Choices(CustomerTable table, string[] names, Func<int, int> read)
    {
        var values = new byte[table.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (byte)read(i);
        }

        return new ChoiceColumn(values, names);
    }

    private static TextColumn Texts(CustomerTable table, Func<Customer, string?> read)
    {
        var values = new string?[table.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = read(table.Customers[i]);
        }

        return new TextColumn(values);
    }

    private static BoolColumn Bools(CustomerTable table, Func<int, bool> read)
    {
        var values = new bool[table.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = read(i);
        }

        return new BoolColumn(values);
    }
}
