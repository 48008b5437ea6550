using System.CommandLine;
using CustomerCare.Coupons.Codes;
using CustomerCare.Sample.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Sample.Commands;

/// <summary>
/// <c>coupons generate --count N [--pattern MASK | --prefix P --length L] [--json]</c>: draws N distinct coupon codes with the
/// library's <see cref="CouponCodeGenerator"/> and prints them, one per line or as a JSON array.
/// </summary>
public static class CouponsCommand
{
    /// <summary>The most codes one run prints.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>Creates the <c>coupons</c> command and its <c>generate</c> subcommand.</summary>
    /// <param name="context">The host and console.</param>
    /// <returns>The command.</returns>
    public static Command Create(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = CommonOptions.Range("--count", "How many codes to generate.", 10, 1, MaxCount);
        var prefix = new Option<string?>("--prefix")
        {
            Description = "A prefix for every code, such as BDAY (code symbols only; the check symbol covers it).",
        };
        var length = new Option<int>("--length")
        {
            Description = "How many random symbols each code has; 5 bits each, at least 60 bits.",
            DefaultValueFactory = _ => CouponCodePattern.DefaultRandomLength,
        };
        var pattern = new Option<string?>("--pattern")
        {
            Description = "The code layout as a mask, such as BDAY-####-####-####-? (# a random symbol, ? the check symbol); replaces --prefix and --length.",
        };
        var json = CommonOptions.Json();
        var generate = new Command("generate", "Print new random coupon codes, all different from one another.")
        {
            count,
            prefix,
            length,
            pattern,
            json,
        };
        generate.SetAction((parseResult, cancellationToken) => GenerateAsync(
            context,
            parseResult.GetValue(count),
            parseResult.GetValue(prefix),
            parseResult.GetValue(length),
            parseResult.GetValue(pattern),
            parseResult.GetValue(json),
            cancellationToken));
        return new Command("coupons", "Work with coupon codes.") { generate };
    }

    /// <summary>Generates the codes and writes them; a pattern the library refuses prints its message and exits with <see cref="ExitCodes.Usage"/>.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="count">How many codes.</param>
    /// <param name="prefix">The prefix, or <see langword="null"/> for none.</param>
    /// <param name="length">The number of random symbols.</param>
    /// <param name="mask">The layout as a mask, which replaces <paramref name="prefix"/> and <paramref name="length"/>; <see langword="null"/> for none.</param>
    /// <param name="json">Whether to write a JSON array instead of lines.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> GenerateAsync(SampleContext context, int count, string? prefix, int length, string? mask, bool json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var console = context.Console;
        if (count is < 1 or > MaxCount)
        {
            await console.Error.WriteLineAsync($"option '--count': value '{count.ToString(System.Globalization.CultureInfo.InvariantCulture)}' must be between 1 and {MaxCount.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            return ExitCodes.Usage;
        }

        CouponCodeBatch batch;
        try
        {
            batch = context.Services.GetRequiredService<CouponCodeGenerator>().GenerateBatch(mask is null ? new CouponCodePattern(prefix, length) : CouponCodePattern.FromMask(mask), count);
        }
        catch (FieldValidationException refused)
        {
            foreach (var error in refused.Errors)
            {
                await console.Error.WriteLineAsync(error.Message);
            }

            return ExitCodes.Usage;
        }
        catch (CouponCodeEntropyTooLowException refused)
        {
            await console.Error.WriteLineAsync(refused.Error.Message);
            return ExitCodes.Usage;
        }
        catch (CouponCodeSpaceTooSmallException refused)
        {
            // The message carries no parameter suffix worth showing; the first line is the library's own sentence.
            await console.Error.WriteLineAsync(refused.Message.Split(" (Parameter", 2)[0]);
            return ExitCodes.Usage;
        }

        if (json)
        {
            JsonOutput.Write(batch.Select(code => code.ToString()), console.Out);
            return ExitCodes.Ok;
        }

        foreach (var code in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await console.Out.WriteLineAsync(code.ToString());
        }

        await console.Out.FlushAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
