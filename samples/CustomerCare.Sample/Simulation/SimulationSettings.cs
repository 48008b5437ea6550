namespace CustomerCare.Sample.Simulation;

/// <summary>How big a simulation is and which seed makes it reproducible.</summary>
/// <param name="Customers">How many customers register, 1 to <see cref="MaxCustomers"/>.</param>
/// <param name="Days">How many days run, 1 to <see cref="MaxDays"/>.</param>
/// <param name="Seed">The random seed, 0 or more; the same seed gives the same store.</param>
public sealed record SimulationSettings(int Customers, int Days, int Seed)
{
    /// <summary>The most customers a run accepts.</summary>
    public const int MaxCustomers = 200_000;

    /// <summary>The most days a run accepts (ten years).</summary>
    public const int MaxDays = 3_650;

    /// <summary>The run made when the sample starts without arguments: 300 customers, 120 days, seed 42.</summary>
    public static SimulationSettings Default { get; } = new(300, 120, 42);

    /// <summary>Checks the ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Customers, 1, nameof(Customers));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Customers, MaxCustomers, nameof(Customers));
        ArgumentOutOfRangeException.ThrowIfLessThan(Days, 1, nameof(Days));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Days, MaxDays, nameof(Days));
        ArgumentOutOfRangeException.ThrowIfNegative(Seed, nameof(Seed));
    }
}
