namespace CustomerCare.Benchmarks.Segments;

/// <summary>The 5-condition rule of issue 3, written once per engine.</summary>
internal static class FiveConditionRule
{
    /// <summary>Our rule language.</summary>
    public const string Text =
        "age_band in ['25_34', '35_44'] and city in ['İstanbul', 'Ankara'] and total_spend >= 1000 and orders >= 3 and last_order within 90 days";

    /// <summary>
    /// The same rule as a System.Linq.Dynamic.Core lambda body over <see cref="SegmentInput"/>.
    /// </summary>
    /// <remarks>
    /// The sets are written as <c>==</c> joined by <c>||</c>, the peers' fastest form: Dynamic LINQ turns
    /// <c>x in ("a", "b")</c> into <c>new[] { "a", "b" }.Contains(x)</c>, which allocates a 40-byte array per customer.
    /// String equality is ordinal here (our rule folds case and the Turkish i); the synthetic data spells every city one
    /// way, so both agree.
    /// </remarks>
    public const string Lambda =
        "(AgeBand == \"25_34\" || AgeBand == \"35_44\") && (City == \"İstanbul\" || City == \"Ankara\") && TotalSpend >= 1000"
        + " && Orders >= 3 && DaysSinceLastOrder != null && DaysSinceLastOrder >= 0 && DaysSinceLastOrder <= 90";

    /// <summary>The same lambda for RulesEngine, whose single input is named <c>input1</c>.</summary>
    public const string RulesEngineLambda =
        "(input1.AgeBand == \"25_34\" || input1.AgeBand == \"35_44\") && (input1.City == \"İstanbul\" || input1.City == \"Ankara\")"
        + " && input1.TotalSpend >= 1000 && input1.Orders >= 3"
        + " && input1.DaysSinceLastOrder != null && input1.DaysSinceLastOrder >= 0 && input1.DaysSinceLastOrder <= 90";

    /// <summary>The rule names of the age bands, by <see cref="Customers.AgeBand"/> value.</summary>
    public static readonly string[] AgeBandNames = ["unknown", "under_18", "18_24", "25_34", "35_44", "45_54", "55_64", "65_plus"];
}
