namespace CustomerCare.Segments.Rules;

/// <summary>The type of a segment attribute, which decides the operators and constants it accepts.</summary>
public enum SegmentValueType
{
    /// <summary>A whole number (<c>orders</c>, <c>age</c>): <c>= != &lt; &lt;= &gt; &gt;= between in not in is null</c>.</summary>
    Number = 0,

    /// <summary>An amount in the store currency (<c>total_spend</c>): the same operators as numbers, exact decimals.</summary>
    Money,

    /// <summary>A date in the customer's own zone (<c>last_order</c>): comparisons with <c>yyyy-MM-dd</c>, <c>between</c>, <c>within N days</c>, <c>is null</c>.</summary>
    Date,

    /// <summary>Text (<c>city</c>): <c>= != in not in contains starts with is null</c>, case-insensitive with the Turkish i rule.</summary>
    Text,

    /// <summary>One of a fixed set of names (<c>gender</c>, <c>lifecycle</c>): <c>= != in not in</c>.</summary>
    Choice,

    /// <summary>A set of texts (<c>tag</c>): <c>=</c> has, <c>!=</c> has not, <c>in</c> has any, <c>contains</c> has, <c>is null</c> empty.</summary>
    Set,

    /// <summary>True or false (<c>birthday_this_month</c>): <c>= !=</c>.</summary>
    Boolean,
}
