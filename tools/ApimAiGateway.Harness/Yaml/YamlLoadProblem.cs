using YamlDotNet.Core;

namespace ApimAiGateway.Harness.Yaml;

/// <summary>Why a YAML text could not be parsed; <see cref="Start"/> is null when the parser gave no position.</summary>
internal sealed record YamlLoadProblem(Mark? Start, string Message);
