"""活动: the activities tab, the activity editor and the venues (阵地) dialog."""
