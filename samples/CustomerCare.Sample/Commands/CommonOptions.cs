using System.CommandLine;
using System.Globalization;

namespace CustomerCare.Sample.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    /// <summary>Creates the <c>--json</c> switch: one JSON document on standard output and nothing else.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> Json() => new("--json")
    {
        Description = "Write one machine-readable JSON document to standard output, and nothing else.",
    };

    /// <summary>Creates a whole-number option with a default and a range, refused with exit code 2 when out of range.</summary>
    /// <param name="name">The option name, such as <c>--days</c>.</param>
    /// <param name="description">The help text.</param>
    /// <param name="defaultValue">The value when the option is not given.</param>
    /// <param name="min">The smallest value accepted.</param>
    /// <param name="max">The largest value accepted.</param>
    /// <returns>The option.</returns>
    public static Option<int> Range(string name, string description, int defaultValue, int min, int max)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(result =>
        {
            // Validators run even when the text is not a number; the parser reports that case itself.
            if (result.Tokens is [var token]
                && int.TryParse(token.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                && (value < min || value > max))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"option '{name}': value '{value}' must be between {min} and {max}"));
            }
        });
        return option;
    }
}
