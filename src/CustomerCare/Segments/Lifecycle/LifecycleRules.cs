namespace CustomerCare.Segments.Lifecycle;

/// <summary>Decides a customer's <see cref="LifecycleStage"/>.</summary>
public static class LifecycleRules
{
    /// <summary>Decides the stage (see <see cref="LifecycleStage"/> for the order of the tests).</summary>
    /// <param name="orders">Standing orders.</param>
    /// <param name="daysSinceFirstOrder">Days since the first order, or <see langword="null"/>.</param>
    /// <param name="daysSinceLastOrder">Days since the last order, or <see langword="null"/>.</param>
    /// <param name="daysSinceSignUp">Days since sign-up.</param>
    /// <param name="options">The thresholds.</param>
    /// <returns>The stage.</returns>
    public static LifecycleStage Decide(int orders, int? daysSinceFirstOrder, int? daysSinceLastOrder, int daysSinceSignUp, SegmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (orders <= 0 || daysSinceLastOrder is not { } sinceLast)
        {
            return daysSinceSignUp <= options.NewCustomerDays ? LifecycleStage.New : LifecycleStage.Prospect;
        }

        if (daysSinceFirstOrder is { } sinceFirst && sinceFirst <= options.NewCustomerDays)
        {
            return LifecycleStage.New;
        }

        return sinceLast <= options.ActiveDays ? LifecycleStage.Active
            : sinceLast <= options.AtRiskDays ? LifecycleStage.AtRisk
            : LifecycleStage.Lapsed;
    }
}
