using System.Globalization;

namespace CustomerCare;

/// <summary>An amount of money in one currency, held as a <see cref="decimal"/>.</summary>
/// <remarks>
/// <para>
/// Arithmetic never rounds by itself: a percentage of an amount keeps every digit until <see cref="Round"/> is called
/// with an explicit <see cref="MidpointRounding"/>. Combining two amounts in different currencies throws
/// <see cref="CurrencyMismatchException"/>.
/// </para>
/// <para>The default value has no currency; use <see cref="Zero"/> to get zero in a currency.</para>
/// </remarks>
/// <param name="Amount">The amount, possibly negative (a refund or a discount).</param>
/// <param name="Currency">The currency.</param>
public readonly record struct Money(decimal Amount, Currency Currency) : IComparable<Money>, IComparable
{
    /// <summary>Zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>An amount of zero.</returns>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Whether the amount is below zero.</summary>
    public bool IsNegative => Amount < 0m;

    /// <summary>Rounds to the currency's minor units with the given rule.</summary>
    /// <param name="mode">How a midpoint is rounded; the library never picks one for you.</param>
    /// <returns>The rounded amount.</returns>
    public Money Round(MidpointRounding mode) => this with { Amount = Math.Round(Amount, Currency.MinorUnits, mode) };

    /// <summary>Multiplies the amount by a factor, keeping every digit (no rounding).</summary>
    /// <param name="factor">The factor, for example <c>0.15m</c> for 15 %.</param>
    /// <returns>The product.</returns>
    public Money Multiply(decimal factor) => this with { Amount = Amount * factor };

    /// <summary>Adds two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right));

    /// <summary>Subtracts two amounts in the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, SameCurrency(left, right));

    /// <summary>Adds two amounts in the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    public Money Add(Money other) => this + other;

    /// <summary>Subtracts an amount in the same currency.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    public Money Subtract(Money other) => this - other;

    /// <inheritdoc />
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other) => Amount.CompareTo(other.Amount) is var c && Currency == other.Currency
        ? c
        : throw new CurrencyMismatchException(Currency, other.Currency);

    /// <inheritdoc />
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare Money with {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> is less.</returns>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> is greater.</returns>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> is less or equal.</returns>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> is greater or equal.</returns>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Parses an invariant-culture decimal such as <c>149.90</c> in the given currency.</summary>
    /// <param name="amount">The amount text: digits with an optional leading minus and a dot as the decimal separator.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="field">The field name for errors.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FieldValidationException">The text is not a decimal number.</exception>
    public static Money Parse(string? amount, Currency currency, string field = "amount")
    {
        if (string.IsNullOrWhiteSpace(amount))
        {
            throw FieldValidationException.For(field, amount, FieldErrorCodes.Required, "is required");
        }

        if (!decimal.TryParse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw FieldValidationException.For(field, amount, FieldErrorCodes.Malformed, "is not a decimal number with a dot as the separator (for example 149.90)");
        }

        return new Money(value, currency);
    }

    /// <summary>Formats as <c>149.90 TRY</c> with the invariant culture and the currency's minor units.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Amount.ToString("F" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + Currency.Code;

    private static Currency SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency ? left.Currency : throw new CurrencyMismatchException(left.Currency, right.Currency);
}
