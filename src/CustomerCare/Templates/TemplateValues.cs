using System.Globalization;
using NodaTime;

namespace CustomerCare.Templates;

/// <summary>An amount in a model; formatted only by the <c>money</c> helper, which knows the culture.</summary>
internal sealed class TemplateMoney(Money value)
{
    public Money Value { get; } = value;

    public override string ToString() => Value.ToString();
}

/// <summary>A date or an instant in a model; formatted only by the <c>date</c> helper, which knows the zone and culture.</summary>
internal sealed class TemplateDate(LocalDate date, Instant? instant)
{
    public LocalDate Date { get; } = date;

    public Instant? Instant { get; } = instant;

    public override string ToString() =>
        Instant is { } i ? i.ToString() : Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
