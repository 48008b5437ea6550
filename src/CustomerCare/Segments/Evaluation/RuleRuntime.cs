using CustomerCare.Segments.Rules;
using CustomerCare.Text;

namespace CustomerCare.Segments.Evaluation;

/// <summary>Helpers the compiled rules call. Each is allocation-free per customer; lookups are built once per evaluation.</summary>
internal static class RuleRuntime
{
    /// <summary>Decides a text condition once per distinct value of an interned column.</summary>
    public static bool[] MatchDistinct(string[] values, RuleOperator op, string[] literals)
    {
        var result = new bool[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = MatchText(values[i], op, literals);
        }

        return result;
    }

    /// <summary>Decides a text condition on one value; a missing value only satisfies != and not in.</summary>
    public static bool MatchText(string? value, RuleOperator op, string[] literals)
    {
        if (value is null)
        {
            return op is RuleOperator.NotEqual or RuleOperator.NotIn or RuleOperator.IsNull;
        }

        var comparer = TurkishInvariantComparer.Instance;
        return op switch
        {
            RuleOperator.Equal => comparer.Equals(value, literals[0]),
            RuleOperator.NotEqual => !comparer.Equals(value, literals[0]),
            RuleOperator.In => AnyEqual(value, literals),
            RuleOperator.NotIn => !AnyEqual(value, literals),
            RuleOperator.Contains => IndexOf(value, literals[0]) >= 0,
            RuleOperator.StartsWith => StartsWith(value, literals[0]),
            RuleOperator.IsNotNull => true,
            _ => false,
        };
    }

    /// <summary>Marks which distinct set members are wanted.</summary>
    public static bool[] WantedMembers(string[] values, string[] literals)
    {
        var wanted = new bool[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            wanted[i] = AnyEqual(values[i], literals);
        }

        return wanted;
    }

    /// <summary>Whether row <paramref name="row"/> of a set column has any wanted member.</summary>
    public static bool HasAny(int[] offsets, int[] members, int row, bool[] wanted)
    {
        for (var k = offsets[row]; k < offsets[row + 1]; k++)
        {
            if (wanted[members[k]])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Folded substring search: the Turkish i rule, no allocation.</summary>
    public static int IndexOf(string haystack, string needle)
    {
        if (needle.Length == 0)
        {
            return 0;
        }

        for (var start = 0; start + needle.Length <= haystack.Length; start++)
        {
            var k = 0;
            while (k < needle.Length && TurkishInvariantComparer.Fold(haystack[start + k]) == TurkishInvariantComparer.Fold(needle[k]))
            {
                k++;
            }

            if (k == needle.Length)
            {
                return start;
            }
        }

        return -1;
    }

    private static bool StartsWith(string value, string prefix)
    {
        if (value.Length < prefix.Length)
        {
            return false;
        }

        for (var k = 0; k < prefix.Length; k++)
        {
            if (TurkishInvariantComparer.Fold(value[k]) != TurkishInvariantComparer.Fold(prefix[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyEqual(string value, string[] literals)
    {
        foreach (var literal in literals)
        {
            if (TurkishInvariantComparer.Instance.Equals(value, literal))
            {
                return true;
            }
        }

        return false;
    }
}
