using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ApimAiGateway.Harness.Compilation;

/// <summary>
/// Keeps compiled expression sets on disk, keyed by a hash of everything that decides the output, so that an
/// unchanged library is not compiled again. An entry holds the assembly image (when compilation succeeded) and the
/// diagnostics as positions in the generated source, which are mapped to policy files afresh on every load because
/// the same expressions may have moved within their files.
/// </summary>
internal sealed class CompilationCache(string directory)
{
    private const int FormatVersion = 1;

    public string Directory { get; } = directory;

    public static string KeyOf(GeneratedExpressionSource source, ExpressionCompilerOptions options)
    {
        var inputs = new StringBuilder()
            .Append(FormatVersion).Append('\n')
            .Append(typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version).Append('\n')
            .Append(options.ContextType.Assembly.ManifestModule.ModuleVersionId).Append('\n')
            .Append(options.LanguageVersion).Append('\n')
            .AppendJoin(',', options.ApiNamespaces).Append('\n')
            .Append(source.Text);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(inputs.ToString()))).ToLowerInvariant();
    }

    public bool TryLoad(string key, out CachedCompilation entry)
    {
        entry = default!;
        var diagnosticsPath = PathOf(key, ".json");
        if (!File.Exists(diagnosticsPath))
        {
            return false;
        }

        var diagnostics = JsonSerializer.Deserialize<List<CachedDiagnostic>>(File.ReadAllBytes(diagnosticsPath));
        if (diagnostics is null)
        {
            return false;
        }

        var imagePath = PathOf(key, ".dll");
        var image = File.Exists(imagePath) ? File.ReadAllBytes(imagePath) : null;
        entry = new CachedCompilation(image, diagnostics);
        return true;
    }

    public void Store(string key, CachedCompilation entry)
    {
        System.IO.Directory.CreateDirectory(Directory);

        // The image is written before the diagnostics: an entry counts only once its diagnostics file exists, so a
        // crash between the two writes leaves no half entry behind.
        if (entry.Image is not null)
        {
            WriteAtomically(PathOf(key, ".dll"), entry.Image);
        }

        WriteAtomically(PathOf(key, ".json"), JsonSerializer.SerializeToUtf8Bytes(entry.Diagnostics));
    }

    private string PathOf(string key, string extension) => Path.Combine(Directory, key + extension);

    private static void WriteAtomically(string path, byte[] content)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}

internal sealed record CachedCompilation(byte[]? Image, IReadOnlyList<CachedDiagnostic> Diagnostics);

/// <summary>A diagnostic as a position in the generated source; mapped to the policy file when loaded.</summary>
internal sealed record CachedDiagnostic(string Code, bool IsError, string Message, int Position);
