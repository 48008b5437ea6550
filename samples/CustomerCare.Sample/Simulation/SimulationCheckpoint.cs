using System.Text.Json;

namespace CustomerCare.Sample.Simulation;

/// <summary>
/// How far the simulations on one store got, kept in a small file beside it, so that the next run continues the same
/// simulated shop instead of starting it again.
/// </summary>
/// <param name="Seed">The seed of the shop.</param>
/// <param name="Customers">How many customers it has.</param>
/// <param name="RegistrationDays">The days over which they registered: the first run's length.</param>
/// <param name="DaysDone">The days simulated so far, over every run.</param>
public sealed record SimulationCheckpoint(int Seed, int Customers, int RegistrationDays, int DaysDone)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Reads the checkpoint, or returns <see langword="null"/> when there is none.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The checkpoint, or <see langword="null"/>.</returns>
    /// <exception cref="InvalidDataException">The file is not a checkpoint; the message names it.</exception>
    public static SimulationCheckpoint? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SimulationCheckpoint>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"'{path}' holds no simulation checkpoint.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a simulation checkpoint: {e.Message} Delete it, with the database beside it, to start again.", e);
        }
    }

    /// <summary>Writes the checkpoint, replacing the file in one move.</summary>
    /// <param name="path">The file.</param>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Whether a run with these settings can continue this shop.</summary>
    /// <param name="settings">The run's settings.</param>
    /// <returns>The reason it cannot, or <see langword="null"/> when it can.</returns>
    public string? Mismatch(SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Seed == Seed && settings.Customers == Customers
            ? null
            : $"the store holds a simulation with seed {Seed} and {Customers} customers ({DaysDone} days so far); run with --seed {Seed} --customers {Customers} to continue it, or use another --db";
    }
}
