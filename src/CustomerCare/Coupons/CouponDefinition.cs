using System.Collections.Immutable;
using CustomerCare.Text;
using NodaTime;

namespace CustomerCare.Coupons;

/// <summary>
/// The rules codes are issued under: the discount, the validity window, the minimum order, the products and categories
/// it applies to, the segments it is for, how it stacks, and the default limits of each code.
/// </summary>
public sealed record CouponDefinition
{
    private readonly ImmutableHashSet<string> _includedCategories = ImmutableHashSet.Create<string>(TurkishInvariantComparer.Instance);
    private readonly ImmutableHashSet<string> _excludedCategories = ImmutableHashSet.Create<string>(TurkishInvariantComparer.Instance);

    /// <summary>Creates a definition.</summary>
    /// <param name="id">The identifier, such as <c>birthday-2026</c>.</param>
    /// <param name="name">A name for people.</param>
    /// <param name="discount">The benefit.</param>
    /// <exception cref="FieldValidationException">The identifier or name is blank or malformed.</exception>
    public CouponDefinition(string id, string name, Discount discount)
    {
        if (Identifiers.Check(id, 128, "definition_id") is { } error)
        {
            throw new FieldValidationException(error);
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw FieldValidationException.For("name", name, FieldErrorCodes.Required, "is required");
        }

        Id = id;
        Name = name.Trim();
        Discount = discount ?? throw new ArgumentNullException(nameof(discount));
    }

    /// <summary>The identifier.</summary>
    public string Id { get; }

    /// <summary>A name for people.</summary>
    public string Name { get; }

    /// <summary>The benefit.</summary>
    public Discount Discount { get; }

    /// <summary>The first instant codes can be used, if limited.</summary>
    public Instant? ValidFrom { get; init; }

    /// <summary>The instant from which codes can no longer be used, if limited.</summary>
    public Instant? ValidUntil { get; init; }

    /// <summary>The least the eligible lines must come to, if any.</summary>
    public Money? MinimumOrder { get; init; }

    /// <summary>When not empty, only these products are eligible.</summary>
    public ImmutableHashSet<string> IncludedProducts { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>These products are never eligible.</summary>
    public ImmutableHashSet<string> ExcludedProducts { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>When not empty, only lines in these categories are eligible; compared with <see cref="TurkishInvariantComparer"/> whatever set is given.</summary>
    public ImmutableHashSet<string> IncludedCategories
    {
        get => _includedCategories;
        init => _includedCategories = (value ?? throw new ArgumentNullException(nameof(value))).WithComparer(TurkishInvariantComparer.Instance);
    }

    /// <summary>Lines in these categories are never eligible; compared with <see cref="TurkishInvariantComparer"/> whatever set is given.</summary>
    public ImmutableHashSet<string> ExcludedCategories
    {
        get => _excludedCategories;
        init => _excludedCategories = (value ?? throw new ArgumentNullException(nameof(value))).WithComparer(TurkishInvariantComparer.Instance);
    }

    /// <summary>When not empty, only customers in one of these segments may use the codes.</summary>
    public ImmutableHashSet<string> EligibleSegments { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Whether codes combine with other coupons.</summary>
    public CouponStacking Stacking { get; init; }

    /// <summary>For stackable coupons: lower priorities apply first.</summary>
    public int Priority { get; init; }

    /// <summary>
    /// Sets the window from local dates in a zone: valid from the start of <paramref name="from"/> until the end of
    /// <paramref name="until"/>, as the zone's clocks show them (a skipped midnight starts at the first valid instant).
    /// </summary>
    /// <param name="from">The first local date.</param>
    /// <param name="until">The last local date, included.</param>
    /// <param name="zone">The zone the dates are in.</param>
    /// <returns>The definition with the window set.</returns>
    /// <exception cref="FieldValidationException">The last date is before the first.</exception>
    public CouponDefinition ValidOnLocalDates(LocalDate from, LocalDate until, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (until < from)
        {
            throw FieldValidationException.For("valid_until", until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "is before the first valid date");
        }

        return this with { ValidFrom = from.AtStartOfDayInZone(zone).ToInstant(), ValidUntil = until.PlusDays(1).AtStartOfDayInZone(zone).ToInstant() };
    }
}
