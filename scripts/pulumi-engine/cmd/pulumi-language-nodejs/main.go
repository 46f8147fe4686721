// Command pulumi-language-nodejs is a minimal Node.js language host for the
// Pulumi engine.
//
// The engine starts it with its own gRPC address as the last argument (after
// optional logging and tracing flags), reads the port this process prints on
// the first line of stdout, and then calls the LanguageRuntime service. The
// important call is Run: it starts
//
//	node <node_modules>/@pulumi/pulumi/cmd/run --monitor=... --engine=... <program>
//
// where the SDK's own runner connects back to the engine's resource monitor,
// executes the program and exits. Configuration travels in the PULUMI_CONFIG
// and PULUMI_CONFIG_SECRET_KEYS environment variables as JSON.
//
// See README.md next to go.mod for what this host deliberately leaves out.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
)

// exitCodeAlreadyReported is the exit code the SDK's runner uses when it has
// already shown the error to the user through the engine
// (nodeJSProcessExitedAfterLoggingUserActionableMessage in cmd/run/index.ts).
const exitCodeAlreadyReported = 32

// runnerPath is where the SDK's program runner lives inside node_modules.
var runnerPath = filepath.Join("@pulumi", "pulumi", "cmd", "run")

func main() {
	if len(os.Args) == 2 && (os.Args[1] == "--version" || os.Args[1] == "-version") {
		fmt.Println(version.Version)
		return
	}

	engineAddress, err := parseArgs(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(2)
	}

	host := &nodeHost{engineAddress: engineAddress}
	cancel := make(chan bool)
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancel,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: could not start the gRPC server: %v\n", err)
		os.Exit(1)
	}

	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)

	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
}

// parseArgs returns the engine address: the last positional argument. The
// logging and tracing flags the engine may put in front of it (--logtostderr,
// -v=N, --logflow, --tracing <endpoint>) are accepted and ignored.
func parseArgs(args []string) (string, error) {
	var positional []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "--tracing" || arg == "-tracing" || arg == "--root" || arg == "-root":
			i++ // these flags take a separate value
		case strings.HasPrefix(arg, "-"):
			// --logtostderr, -v=9, --tracing=url and the like
		default:
			positional = append(positional, arg)
		}
	}
	if len(positional) == 0 {
		// The engine may also attach without an address and send it in Handshake.
		return "", nil
	}
	return positional[len(positional)-1], nil
}

// nodeHost implements the parts of pulumirpc.LanguageRuntimeServer that
// `pulumi preview/up/refresh/destroy` and the Automation API use.
type nodeHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	mu            sync.Mutex
	engineAddress string
	running       map[*exec.Cmd]struct{}
}

// Handshake records the engine address when the engine sends one.
func (h *nodeHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	if req.GetEngineAddress() != "" {
		h.mu.Lock()
		h.engineAddress = req.GetEngineAddress()
		h.mu.Unlock()
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

// GetPluginInfo reports the version this binary was built with (set through
// -ldflags on sdk/v3/go/common/version.Version).
func (h *nodeHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: strings.TrimPrefix(version.Version, "v")}, nil
}

// GetRequiredPlugins returns no plugins: the only provider these programs use
// is the dynamic provider, whose plugin is found on PATH or next to `pulumi`.
func (h *nodeHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

// GetRequiredPackages returns no packages, for the same reason.
func (h *nodeHost) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

// InstallDependencies installs nothing: dependencies are installed with npm
// before any engine run. It says so on the stream so the user is not misled.
func (h *nodeHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest,
	stream grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse],
) error {
	msg := "pulumi-language-nodejs: dependencies are not installed by this language host; run `npm ci` yourself\n"
	return stream.Send(&pulumirpc.InstallDependenciesResponse{Stdout: []byte(msg)})
}

// RuntimeOptionsPrompts has no questions to ask.
func (h *nodeHost) RuntimeOptionsPrompts(
	context.Context, *pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}

// About reports the node executable and its version.
func (h *nodeHost) About(context.Context, *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, status.Errorf(codes.FailedPrecondition, "node was not found on PATH: %v", err)
	}
	out, err := exec.Command(node, "--version").Output()
	if err != nil {
		return nil, status.Errorf(codes.Internal, "running node --version: %v", err)
	}
	return &pulumirpc.AboutResponse{
		Executable: node,
		Version:    strings.TrimPrefix(strings.TrimSpace(string(out)), "v"),
	}, nil
}

// GetProgramDependencies lists the dependencies declared in the program's
// nearest package.json, with the versions installed in node_modules (or the
// declared range when a package is not installed).
func (h *nodeHost) GetProgramDependencies(
	_ context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	dir := req.GetInfo().GetProgramDirectory()
	if dir == "" {
		dir = req.GetPwd()
	}
	manifestDir, ok := findUp(dir, "package.json")
	if !ok {
		return &pulumirpc.GetProgramDependenciesResponse{}, nil
	}
	var manifest struct {
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	if err := readJSON(filepath.Join(manifestDir, "package.json"), &manifest); err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "reading package.json: %v", err)
	}
	declared := map[string]string{}
	for name, rng := range manifest.DevDependencies {
		declared[name] = rng
	}
	for name, rng := range manifest.Dependencies {
		declared[name] = rng
	}
	names := make([]string, 0, len(declared))
	for name := range declared {
		names = append(names, name)
	}
	sort.Strings(names)

	resp := &pulumirpc.GetProgramDependenciesResponse{}
	for _, name := range names {
		ver := declared[name]
		var installed struct {
			Version string `json:"version"`
		}
		if modDir, ok := findUp(manifestDir, filepath.Join("node_modules", name, "package.json")); ok {
			if err := readJSON(filepath.Join(modDir, "node_modules", name, "package.json"), &installed); err == nil &&
				installed.Version != "" {
				ver = installed.Version
			}
		}
		resp.Dependencies = append(resp.Dependencies, &pulumirpc.DependencyInfo{Name: name, Version: ver})
	}
	return resp, nil
}

// Run executes the program with the SDK's runner and waits for it to exit.
func (h *nodeHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	programDir := info.GetProgramDirectory()
	entryPoint := info.GetEntryPoint()
	if programDir == "" {
		// Older engines send only pwd and program.
		programDir = req.GetPwd()
		entryPoint = req.GetProgram()
	}
	if entryPoint == "" {
		entryPoint = "."
	}
	pwd := req.GetPwd()
	if pwd == "" {
		pwd = programDir
	}

	modulesDir, ok := findUp(programDir, filepath.Join("node_modules", runnerPath))
	if !ok {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf(
			"could not find node_modules/%s in %s or any parent directory; run `npm ci` first",
			filepath.ToSlash(runnerPath), programDir)}, nil
	}
	runner := filepath.Join(modulesDir, "node_modules", runnerPath)

	node, err := exec.LookPath("node")
	if err != nil {
		return &pulumirpc.RunResponse{Error: "node was not found on PATH"}, nil
	}

	h.mu.Lock()
	engineAddress := h.engineAddress
	h.mu.Unlock()

	args := []string{runner,
		"--monitor=" + req.GetMonitorAddress(),
		"--project=" + req.GetProject(),
		"--stack=" + req.GetStack(),
		"--pwd=" + pwd,
	}
	if engineAddress != "" {
		args = append(args, "--engine="+engineAddress)
	}
	if req.GetOrganization() != "" {
		args = append(args, "--organization="+req.GetOrganization())
	}
	if info.GetRootDirectory() != "" {
		args = append(args, "--root-directory="+info.GetRootDirectory())
	}
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	if req.GetParallel() > 1 {
		args = append(args, "--parallel="+strconv.Itoa(int(req.GetParallel())))
	}
	// The runner resolves a relative program against its working directory
	// (after --pwd), so pass the program as an absolute path unless it is ".",
	// which means "the package.json entry point of the program directory".
	program := entryPoint
	if program == "." {
		program = programDir
	} else if !filepath.IsAbs(program) {
		program = filepath.Join(programDir, program)
	}
	args = append(args, program)
	args = append(args, req.GetArgs()...)

	env, err := programEnv(req)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "encoding config: %v", err)
	}

	cmd := exec.Command(node, args...)
	cmd.Dir = pwd
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr

	if err := cmd.Start(); err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("starting node: %v", err)}, nil
	}
	h.track(cmd, true)
	defer h.track(cmd, false)

	// Stop the program if the engine gives up on the call.
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err = <-waited:
	case <-ctx.Done():
		_ = cmd.Process.Kill()
		err = <-waited
	}
	return runResult(err), nil
}

// Cancel stops any program that is still running.
func (h *nodeHost) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for cmd := range h.running {
		_ = cmd.Process.Signal(syscall.SIGINT)
	}
	return &emptypb.Empty{}, nil
}

func (h *nodeHost) track(cmd *exec.Cmd, on bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.running == nil {
		h.running = map[*exec.Cmd]struct{}{}
	}
	if on {
		h.running[cmd] = struct{}{}
	} else {
		delete(h.running, cmd)
	}
}

// runResult maps the runner's exit status to a RunResponse.
func runResult(err error) *pulumirpc.RunResponse {
	if err == nil {
		return &pulumirpc.RunResponse{}
	}
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) {
		return &pulumirpc.RunResponse{Error: err.Error()}
	}
	if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("program was terminated by signal %v", ws.Signal())}
	}
	code := exitErr.ExitCode()
	if code == exitCodeAlreadyReported {
		// The runner has already shown the error through the engine.
		return &pulumirpc.RunResponse{Bail: true}
	}
	return &pulumirpc.RunResponse{Error: fmt.Sprintf("program exited with non-zero exit code: %d", code)}
}

// programEnv returns the runner's environment: ours, plus the stack config as
// JSON. TypeScript is switched off because programs are compiled with tsc
// before they run.
func programEnv(req *pulumirpc.RunRequest) ([]string, error) {
	config := req.GetConfig()
	if config == nil {
		config = map[string]string{}
	}
	configJSON, err := json.Marshal(config)
	if err != nil {
		return nil, err
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}

	env := make([]string, 0, len(os.Environ())+3)
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "PULUMI_CONFIG", "PULUMI_CONFIG_SECRET_KEYS", "PULUMI_NODEJS_TYPESCRIPT":
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"PULUMI_CONFIG="+string(configJSON),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretJSON),
		"PULUMI_NODEJS_TYPESCRIPT=false",
	), nil
}

// findUp looks for rel in dir and its parents and returns the directory that
// contains it.
func findUp(dir, rel string) (string, bool) {
	if dir == "" {
		return "", false
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, rel)); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.NewDecoder(bytes.NewReader(data)).Decode(v)
}
