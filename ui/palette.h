// The state colours and their tints live in the engine (engine/chart_model.h), so that the
// chart, its legend and the SVG export share one table. This header stays for the views.
#pragma once
#include "chart_model.h"
