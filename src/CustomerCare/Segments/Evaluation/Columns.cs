using CustomerCare.Text;

namespace CustomerCare.Segments.Evaluation;

/// <summary>One attribute of every customer in a <see cref="CustomerTable"/>, stored as an array for fast scans.</summary>
internal abstract class Column;

/// <summary>Whole numbers; <see cref="Null"/> marks a missing value.</summary>
internal sealed class IntColumn(int[] values) : Column
{
    public const int Null = int.MinValue;

    public int[] Values { get; } = values;
}

/// <summary>Exact decimal amounts; never missing.</summary>
internal sealed class DecimalColumn(decimal[] values) : Column
{
    public decimal[] Values { get; } = values;
}

/// <summary>Dates as day numbers (<see cref="DateOnly.DayNumber"/>) in each customer's own zone; <see cref="IntColumn.Null"/> when missing.</summary>
internal sealed class DateColumn(int[] days) : Column
{
    public int[] Days { get; } = days;
}

/// <summary>Choices as small integers into <see cref="Names"/>.</summary>
internal sealed class ChoiceColumn(byte[] values, string[] names) : Column
{
    public byte[] Values { get; } = values;

    public string[] Names { get; } = names;
}

/// <summary>
/// Text with few distinct values (city, locale): an id per customer into <see cref="Values"/>, with -1 for missing.
/// A condition is decided once per distinct value, then looked up per customer.
/// </summary>
internal sealed class InternedTextColumn(int[] ids, string[] values) : Column
{
    public int[] Ids { get; } = ids;

    public string[] Values { get; } = values;

    public static InternedTextColumn Build(int count, Func<int, string?> read)
    {
        var ids = new int[count];
        var lookup = new Dictionary<string, int>(TurkishInvariantComparer.Instance);
        var values = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var value = read(i);
            if (value is null)
            {
                ids[i] = -1;
                continue;
            }

            if (!lookup.TryGetValue(value, out var id))
            {
                id = values.Count;
                lookup.Add(value, id);
                values.Add(value);
            }

            ids[i] = id;
        }

        return new InternedTextColumn(ids, [.. values]);
    }
}

/// <summary>Text with many distinct values (name, e-mail); compared directly.</summary>
internal sealed class TextColumn(string?[] values) : Column
{
    public string?[] Values { get; } = values;
}

/// <summary>Sets of texts (tags, categories) in compressed rows: customer i's members are Members[Offsets[i]..Offsets[i+1]].</summary>
internal sealed class SetColumn(int[] offsets, int[] members, string[] values) : Column
{
    public int[] Offsets { get; } = offsets;

    public int[] Members { get; } = members;

    public string[] Values { get; } = values;

    public static SetColumn Build(int count, Func<int, IEnumerable<string>> read)
    {
        var offsets = new int[count + 1];
        var members = new List<int>();
        var lookup = new Dictionary<string, int>(TurkishInvariantComparer.Instance);
        var values = new List<string>();
        for (var i = 0; i < count; i++)
        {
            offsets[i] = members.Count;
            foreach (var value in read(i))
            {
                if (!lookup.TryGetValue(value, out var id))
                {
                    id = values.Count;
                    lookup.Add(value, id);
                    values.Add(value);
                }

                members.Add(id);
            }
        }

        offsets[count] = members.Count;
        return new SetColumn(offsets, [.. members], [.. values]);
    }
}

/// <summary>True or false per customer.</summary>
internal sealed class BoolColumn(bool[] values) : Column
{
    public bool[] Values { get; } = values;
}
