namespace CustomerCare.Benchmarks.Sqlite;

/// <summary>Temporary SQLite files of the storage benchmarks, under one folder of the temporary directory.</summary>
public static class DatabaseFiles
{
    /// <summary>The folder: <c>customercare-bench</c> in the temporary directory, created when missing.</summary>
    public static string Folder
    {
        get
        {
            var folder = Path.Combine(Path.GetTempPath(), "customercare-bench");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>A new, unused file path in the folder.</summary>
    /// <param name="prefix">The start of the file name, such as <c>redeem</c>.</param>
    /// <returns>The path; nothing exists there yet.</returns>
    public static string NewPath(string prefix) => Path.Combine(Folder, $"{prefix}-{Guid.NewGuid():N}.db");

    /// <summary>Deletes a database file with its WAL, shared-memory and journal files.</summary>
    /// <param name="path">The database file.</param>
    public static void Delete(string path)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }
}
