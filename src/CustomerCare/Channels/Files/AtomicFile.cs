namespace CustomerCare.Channels.Files;

/// <summary>Creates a file whole or not at all: written to a hidden temporary file beside it, flushed (to disk when asked), then moved into place.</summary>
internal static class AtomicFile
{
    /// <summary>Creates <paramref name="path"/> with <paramref name="content"/> unless it exists.</summary>
    /// <returns><see langword="true"/> when this call created it; <see langword="false"/> when it was there already (another writer won).</returns>
    public static async ValueTask<bool> TryCreateAsync(string path, ReadOnlyMemory<byte> content, bool flushToDisk, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path) ?? ".";
        var temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                // Durable before it becomes visible: a reader never sees a name whose bytes a crash could still lose.
                stream.Flush(flushToDisk);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
