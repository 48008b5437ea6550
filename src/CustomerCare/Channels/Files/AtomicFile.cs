using Microsoft.Win32.SafeHandles;

namespace CustomerCare.Channels.Files;

/// <summary>Creates a file whole or not at all: written to a hidden temporary file beside it, flushed (to disk when asked), then moved into place.</summary>
/// <remarks>
/// The write is synchronous, through <see cref="RandomAccess"/>: a message file is a few kilobytes, and an asynchronous
/// <see cref="FileStream"/> on Linux only moves the same blocking write to a thread-pool thread, at several times the cost.
/// </remarks>
internal static class AtomicFile
{
    /// <summary>Creates <paramref name="path"/> with <paramref name="content"/> unless it exists, creating its folder when missing.</summary>
    /// <returns><see langword="true"/> when this call created it; <see langword="false"/> when it was there already (another writer won).</returns>
    public static bool TryCreate(string path, ReadOnlySpan<byte> content, bool flushToDisk)
    {
        var folder = Path.GetDirectoryName(path) ?? ".";
        var temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        var moved = false;
        try
        {
            using (var handle = CreateNew(temporary, folder))
            {
                RandomAccess.Write(handle, content, 0);
                if (flushToDisk)
                {
                    // Durable before it becomes visible: a reader never sees a name whose bytes a crash could still lose.
                    RandomAccess.FlushToDisk(handle);
                }
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
                moved = true;
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
        finally
        {
            if (!moved)
            {
                File.Delete(temporary);
            }
        }
    }

    private static SafeFileHandle CreateNew(string path, string folder)
    {
        try
        {
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        }
        catch (DirectoryNotFoundException)
        {
            // Created on the first write rather than checked on every one: the folder is missing once, the check costs each time.
            Directory.CreateDirectory(folder);
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        }
    }
}
