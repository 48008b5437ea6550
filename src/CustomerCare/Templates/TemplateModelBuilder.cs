using System.Collections.ObjectModel;
using CustomerCare.Customers;
using NodaTime;
using Scriban.Runtime;

namespace CustomerCare.Templates;

/// <summary>
/// Builds a <see cref="TemplateModel"/> from plain values: text, numbers, flags, money, dates, instants and lists. Domain
/// objects are never handed to a template, so a template cannot reach their members.
/// </summary>
/// <remarks>
/// Names are snake_case (<c>order_number</c>). Not thread-safe; <see cref="Build"/> freezes what was added.
/// </remarks>
public sealed class TemplateModelBuilder
{
    private static readonly HashSet<string> Reserved = new(TemplateEngine.ReservedNames, StringComparer.Ordinal);

    private readonly ScriptObject _values = new();
    private readonly DateTimeZone _timeZone;

    /// <summary>Starts a model for a customer in the given zone.</summary>
    /// <param name="timeZone">The customer's time zone; Istanbul when <see langword="null"/>.</param>
    public TemplateModelBuilder(DateTimeZone? timeZone = null) => _timeZone = timeZone ?? TimeZones.Istanbul;

    /// <summary>Adds a text value.</summary>
    /// <param name="name">The snake_case name.</param>
    /// <param name="value">The text.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The name is not snake_case, is reserved, or is already used.</exception>
    public TemplateModelBuilder Text(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Put(name, value);
    }

    /// <summary>Adds a number, shown with the customer's culture.</summary>
    /// <param name="name">The snake_case name.</param>
    /// <param name="value">The number.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The name is not snake_case, is reserved, or is already used.</exception>
    public TemplateModelBuilder Number(string name, decimal value) => Put(name, value);

    /// <summary>Adds a whole number, shown with the customer's culture.</summary>
    /// <param name="name">The snake_case name.</param>
    /// <param name="value">The number.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The name is not snake_case, is reserved, or is already used.</exception>
    public TemplateModelBuilder Number(string name, int value) => Put(name, value);

    /// <summary>Adds a flag, for <c>{{ if name }}…{{ end }}</c>.</summary>
    /// <param name="name">The snake_case name.</param>
    /// <param name="value">The flag.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The name is not snake_case, is reserved, or is already used.</exception>
    public TemplateModelBuilder Bool(string name, bool value) => Put(name, value);

    /// <summary>Adds an amount; show it with <c>{{ money name }}</c>.</summary>
    /// <param name="name">The snake_case name.</param>
    /// <param name="value">The amount.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The name is not snake_case, is reserved, or is already used.</exception>
    public TemplateModelBuilder Money(string name, Money value) => Put(name, new TemplateMoney(value));

    /// <summary>Adds a calendar date; show it with <c>{{ date name }}</c>.</summary>
    /// <param name="name">The snake_case name.</param>
    /// <param name="value">The date.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The name is not snake_case, is reserved, or is already used.</exception>
    public TemplateModelBuilder Date(string name, LocalDate value) => Put(name, new TemplateDate(value, null));

    /// <summary>Adds an instant; <c>{{ date name }}</c> shows it in the customer's zone.</summary>
    /// <param name="name">The snake_case name.</param>
    /// <param name="value">The instant.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The name is not snake_case, is reserved, or is already used.</exception>
    public TemplateModelBuilder Instant(string name, Instant value) => Put(name, new TemplateDate(default, value));

    /// <summary>Adds a list of texts, for <c>{{ for step in name }}</c>.</summary>
    /// <param name="name">The snake_case name.</param>
    /// <param name="values">The texts.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The name is not snake_case, is reserved, or is already used.</exception>
    public TemplateModelBuilder List(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        // ScriptArray.IsReadOnly does not stop `items[0] = x`; a read-only collection does.
        return Put(name, new ReadOnlyCollection<object>(values.Select(v => (object)(v ?? string.Empty)).ToArray()));
    }

    /// <summary>Adds a list of records (for example order lines), each built by its own builder.</summary>
    /// <param name="name">The snake_case name.</param>
    /// <param name="items">The records.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FieldValidationException">The name is not snake_case, is reserved, or is already used.</exception>
    public TemplateModelBuilder List(string name, IEnumerable<TemplateModel> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var array = items.Select(item => (object)(item ?? throw new ArgumentNullException(nameof(items))).Values).ToArray();
        return Put(name, new ReadOnlyCollection<object>(array));
    }

    /// <summary>Freezes the values into a model.</summary>
    /// <returns>The model.</returns>
    public TemplateModel Build()
    {
        // A shallow copy: the lists were frozen when added, and a deep clone would hand back writable copies.
        var values = new ScriptObject(_values.Count);
        foreach (var (name, value) in _values)
        {
            values.Add(name, value);
        }

        values.IsReadOnly = true;
        return new TemplateModel(values, _timeZone);
    }

    private TemplateModelBuilder Put(string name, object value)
    {
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetterLower(name[0]) || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') || name.Length > 64)
        {
            throw FieldValidationException.For("name", name, FieldErrorCodes.Malformed, "is not a snake_case name such as order_number");
        }

        if (Reserved.Contains(name))
        {
            throw FieldValidationException.For("name", name, FieldErrorCodes.Malformed, "is the name of a built-in function or object of the templates");
        }

        if (_values.ContainsKey(name))
        {
            throw FieldValidationException.For("name", name, FieldErrorCodes.Malformed, "is already in the model");
        }

        _values.Add(name, value);
        return this;
    }
}
