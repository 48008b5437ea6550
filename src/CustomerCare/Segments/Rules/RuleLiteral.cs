using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Segments.Rules;

/// <summary>A constant in a rule: text, a number, a date or a boolean.</summary>
public readonly record struct RuleLiteral
{
    private RuleLiteral(RuleLiteralKind kind, string? text, decimal number, LocalDate date, bool boolean)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Date = date;
        Boolean = boolean;
    }

    /// <summary>What kind of constant this is.</summary>
    public RuleLiteralKind Kind { get; }

    /// <summary>The text, for <see cref="RuleLiteralKind.Text"/>.</summary>
    public string? Text { get; }

    /// <summary>The number, for <see cref="RuleLiteralKind.Number"/>.</summary>
    public decimal Number { get; }

    /// <summary>The date, for <see cref="RuleLiteralKind.Date"/>.</summary>
    public LocalDate Date { get; }

    /// <summary>The value, for <see cref="RuleLiteralKind.Boolean"/>.</summary>
    public bool Boolean { get; }

    /// <summary>A text constant.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The literal.</returns>
    public static RuleLiteral OfText(string text) => new(RuleLiteralKind.Text, text ?? throw new ArgumentNullException(nameof(text)), 0m, default, false);

    /// <summary>A number constant.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The literal.</returns>
    public static RuleLiteral OfNumber(decimal number) => new(RuleLiteralKind.Number, null, number, default, false);

    /// <summary>A date constant.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The literal.</returns>
    public static RuleLiteral OfDate(LocalDate date) => new(RuleLiteralKind.Date, null, 0m, date, false);

    /// <summary>A boolean constant.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The literal.</returns>
    public static RuleLiteral OfBoolean(bool value) => new(RuleLiteralKind.Boolean, null, 0m, default, value);

    /// <summary>The literal as rule text: <c>'İstanbul'</c>, <c>3</c>, <c>2026-01-31</c>, <c>true</c>.</summary>
    /// <returns>The text, which the rule parser reads back.</returns>
    public override string ToString() => Kind switch
    {
        RuleLiteralKind.Text => "'" + Text!.Replace("'", "''", StringComparison.Ordinal) + "'",
        RuleLiteralKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        RuleLiteralKind.Date => LocalDatePattern.Iso.Format(Date),
        _ => Boolean ? "true" : "false",
    };
}

/// <summary>The kind of a <see cref="RuleLiteral"/>.</summary>
public enum RuleLiteralKind
{
    /// <summary>Text in quotes.</summary>
    Text = 0,

    /// <summary>A decimal number.</summary>
    Number,

    /// <summary>An ISO date, <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
}
