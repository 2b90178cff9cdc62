using System.Text;
using ApimAiGateway.Delivery.Arm;

namespace ApimAiGateway.Delivery.Live;

/// <summary>
/// Writes the live instance's policies and fragments into the repository layout under a target directory, never
/// outside it. An instance with no policies writes nothing and succeeds.
/// </summary>
public sealed class PolicyPuller(LiveInstanceReader reader)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task<PullResult> PullAsync(string targetDirectory, CancellationToken cancellationToken = default)
    {
        // Checked before anything is read: an empty path or one with a NUL would otherwise throw after the whole instance was listed.
        string root;
        try
        {
            root = Path.GetFullPath(targetDirectory);
        }
        catch (ArgumentException e)
        {
            return new PullResult([], [], $"'{LogText.Of(targetDirectory, 80)}' is not a directory path: {e.Message}");
        }

        LiveInstance instance;
        try
        {
            instance = await reader.ReadAsync(cancellationToken);
        }
        catch (ArmRequestException e)
        {
            return new PullResult([], [], $"reading the instance: {e.Message}");
        }

        var written = new List<string>();
        try
        {
            foreach (var document in instance.Documents)
            {
                var file = Path.GetFullPath(Path.Combine(root, document.Address.RepositoryPath!));
                if (!file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    return new PullResult(written, instance.Skipped, $"{document.Address} would be written outside {root}: refused");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                await File.WriteAllTextAsync(file, document.Text, Utf8, cancellationToken);
                written.Add(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PullResult(written, instance.Skipped, e.Message);
        }

        return new PullResult(written, instance.Skipped, null);
    }
}
